import { useTranslation } from 'react-i18next';
import { useStates } from '../../hooks/useReference';
import { CodeListSelect } from './CodeListSelect';
import { StatePicker } from './PlacePickers';
import { ReservedField } from './fields';
import type { SectionProps } from './sectionProps';

/** "Cittadinanza e stato civile": up to three citizenships (ISTAT state codes) and ANPR civil status. */
export function CitizenshipSection({ state, set, masked }: SectionProps) {
  const { t } = useTranslation();
  const states = useStates();
  const nameOf = (code: string, fallback: string) => states.data?.items.find((s) => s.code === code)?.name ?? fallback;
  const reserved = t('persons.masked');
  return (
    <fieldset className="person-fieldset">
      <legend>{t('persons.sections.citizenship')}</legend>
      {masked.has('citizenships') ? (
        <ReservedField label={t('persons.fields.citizenships')} text={reserved} />
      ) : (
        <div className="mb-3">
          <h3 className="h6 fw-semibold" id="pf-citizenships-title">{t('persons.fields.citizenships')}</h3>
          {state.citizenships.length === 0 ? (
            <p className="small text-secondary">{t('persons.citizenship.none')}</p>
          ) : (
            <ul className="list-unstyled" aria-labelledby="pf-citizenships-title">
              {state.citizenships.map((c) => (
                <li key={c.code} className="d-flex align-items-center gap-2 mb-1">
                  <span>{nameOf(c.code, c.name)}</span>
                  <button type="button" className="btn btn-link btn-sm p-0" onClick={() => set('citizenships', state.citizenships.filter((x) => x.code !== c.code))}>
                    {t('persons.form.remove')}<span className="visually-hidden"> {nameOf(c.code, c.name)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {state.citizenships.length < 3 && (
            <StatePicker
              path="citizenships"
              label={t('persons.citizenship.add')}
              value={null}
              exclude={state.citizenships.map((c) => c.code)}
              onChange={(v) => v && set('citizenships', [...state.citizenships, v])}
              hint={t('persons.citizenship.hint')}
            />
          )}
        </div>
      )}
      {masked.has('civilStatus') ? (
        <ReservedField label={t('persons.fields.civilStatus')} text={reserved} />
      ) : (
        <CodeListSelect list="anpr.stato_civile" path="civilStatus" label={t('persons.fields.civilStatus')} value={state.civilStatus} onChange={(v) => set('civilStatus', v)} />
      )}
    </fieldset>
  );
}
