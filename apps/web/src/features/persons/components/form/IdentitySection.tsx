import { useTranslation } from 'react-i18next';
import { fiscalCodeDisagreements, decodeFiscalCode } from '../../lib/fiscalCodePrefill';
import { todayIso } from '../../lib/format';
import { emptyAlias, type IdentityMode, type PersonFormState } from '../../lib/personForm';
import { ReservedField, SelectInput, TextInput, useField } from './fields';
import type { SectionProps } from './sectionProps';

const modes: IdentityMode[] = ['fiscalCode', 'temporary', 'stpEni', 'anonymous'];

/** "Identità": how the person is identified, fiscal code (with what it tells), names, sex, aliases. */
export function IdentitySection({ state, set, creating, masked, onFiscalCodeChange }: SectionProps & { onFiscalCodeChange: (raw: string, before: PersonFormState) => void }) {
  const { t } = useTranslation();
  const reserved = t('persons.masked');
  const anonymous = state.mode === 'anonymous';
  return (
    <fieldset className="person-fieldset">
      <legend>{t('persons.sections.identity')}</legend>
      {creating && <ModeChoice mode={state.mode} onChange={(m) => set('mode', m)} />}
      {creating && state.mode === 'fiscalCode' && <FiscalCodeInput state={state} onChange={(v) => onFiscalCodeChange(v, state)} />}
      {creating && state.mode === 'temporary' && <p className="alert alert-info">{t('persons.identity.temporaryNote')}</p>}
      {creating && anonymous && <p className="alert alert-info">{t('persons.identity.anonymousNote')}</p>}
      {!creating && <ReservedField label={t('persons.fields.fiscalCode')} text={masked.has('fiscalCode') ? reserved : state.fiscalCode || '—'} />}
      {!creating && state.mode === 'fiscalCode' && !masked.has('fiscalCode') && <FiscalCodeNotes state={state} />}
      {(state.mode === 'stpEni' || (!creating && !masked.has('stpEniCode') && state.stpEniCode)) && (
        <TextInput path="stpEniCode" label={t('persons.fields.stpEniCode')} value={state.stpEniCode} onChange={(v) => set('stpEniCode', v)} required={creating} hint={t('persons.identity.stpEniHint')} maxLength={16} autoComplete="off" />
      )}
      {!anonymous && (
        <div className="row">
          <div className="col-md-6">
            {masked.has('surname') ? <ReservedField label={t('persons.fields.surname')} text={reserved} /> : <TextInput path="surname" label={t('persons.fields.surname')} value={state.surname} onChange={(v) => set('surname', v)} required maxLength={100} autoComplete="off" />}
          </div>
          <div className="col-md-6">
            {masked.has('name') ? <ReservedField label={t('persons.fields.name')} text={reserved} /> : <TextInput path="name" label={t('persons.fields.name')} value={state.name} onChange={(v) => set('name', v)} required maxLength={100} autoComplete="off" />}
          </div>
        </div>
      )}
      {masked.has('sex') ? (
        <ReservedField label={t('persons.fields.sex')} text={reserved} />
      ) : (
        <SelectInput path="sex" label={t('persons.fields.sex')} value={state.sex} onChange={(v) => set('sex', v as PersonFormState['sex'])} options={[{ value: 'F', label: t('persons.sex.F') }, { value: 'M', label: t('persons.sex.M') }]} />
      )}
      {!anonymous && (masked.has('aliases') ? <ReservedField label={t('persons.fields.aliases')} text={reserved} /> : <Aliases state={state} set={set} />)}
    </fieldset>
  );
}

function ModeChoice({ mode, onChange }: { mode: IdentityMode; onChange: (m: IdentityMode) => void }) {
  const { t } = useTranslation();
  const f = useField('mode');
  return (
    <fieldset className="mb-4" aria-describedby={f.describedBy}>
      <legend className="h6 fw-semibold">{t('persons.identity.modeLegend')}</legend>
      {modes.map((m) => (
        <div key={m} className="form-check">
          <input type="radio" id={`${f.id}-${m}`} name="identity-mode" checked={mode === m} onChange={() => onChange(m)} />
          <label htmlFor={`${f.id}-${m}`}>{t(`persons.identity.modes.${m}`)}</label>
        </div>
      ))}
      {f.error && <div id={`${f.id}-error`} className="invalid-feedback d-block">{f.error}</div>}
    </fieldset>
  );
}

/** The code box, what it tells once valid, and which entered data disagree with it. */
function FiscalCodeInput({ state, onChange }: { state: PersonFormState; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput path="fiscalCode" label={t('persons.fields.fiscalCode')} value={state.fiscalCode} onChange={onChange} required maxLength={22} autoComplete="off" spellCheck={false} hint={t('persons.identity.fiscalCodeHint')} />
      <FiscalCodeNotes state={state} />
    </>
  );
}

/** What a valid code tells, and the entered data that disagree with it (announced politely). */
function FiscalCodeNotes({ state }: { state: PersonFormState }) {
  const { t } = useTranslation();
  const d = decodeFiscalCode(state.fiscalCode, todayIso());
  const disagree = d.status === 'valid' ? fiscalCodeDisagreements(state.fiscalCode, { ...state, birthPlaceCode: state.birthPlace?.belfiore ?? null }) : [];
  return (
    <>
      <div aria-live="polite">
        {d.status === 'invalid' && (
          <p className="text-danger small">
            {t('persons.identity.fiscalCodeInvalid')} {d.problems[0] && t(`persons.identity.problems.${d.problems[0]}`)}
          </p>
        )}
        {d.status === 'valid' && d.omocodic && <p className="small">{t('persons.identity.omocodic')}</p>}
        {disagree.length > 0 && (
          <div className="alert alert-warning">
            {t('persons.identity.disagree', { fields: disagree.map((f) => t(`persons.fields.${f}`)).join(', ') })}
          </div>
        )}
      </div>
    </>
  );
}

function Aliases({ state, set }: Pick<SectionProps, 'state' | 'set'>) {
  const { t } = useTranslation();
  const change = (i: number, patch: Partial<PersonFormState['aliases'][number]>) => set('aliases', state.aliases.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <fieldset className="mb-3">
      <legend className="h6 fw-semibold">{t('persons.fields.aliases')}</legend>
      {state.aliases.length === 0 && <p className="small text-secondary">{t('persons.identity.noAliases')}</p>}
      {state.aliases.map((a, i) => (
        <div key={i} className="row align-items-end">
          <div className="col-md-4"><TextInput path={`aliases.${i}.surname`} label={t('persons.identity.aliasSurname', { n: i + 1 })} value={a.surname} onChange={(v) => change(i, { surname: v })} required /></div>
          <div className="col-md-3"><TextInput path={`aliases.${i}.name`} label={t('persons.identity.aliasName', { n: i + 1 })} value={a.name} onChange={(v) => change(i, { name: v })} /></div>
          <div className="col-md-3"><TextInput path={`aliases.${i}.note`} label={t('persons.identity.aliasNote', { n: i + 1 })} value={a.note} onChange={(v) => change(i, { note: v })} /></div>
          <div className="col-md-2 mb-4">
            <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => set('aliases', state.aliases.filter((_, j) => j !== i))}>
              {t('persons.form.remove')}<span className="visually-hidden"> {t('persons.identity.aliasN', { n: i + 1 })}</span>
            </button>
          </div>
        </div>
      ))}
      {state.aliases.length < 20 && (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => set('aliases', [...state.aliases, emptyAlias()])}>
          {t('persons.identity.addAlias')}
        </button>
      )}
    </fieldset>
  );
}
