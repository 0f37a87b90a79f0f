import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeView } from '@siso/shared';
import { CheckInput, SelectInput, TextArea, TextInput } from '../../../persons/components/form/fields';
import { emptyReference, MAX_REFERENCES, referenceRows, referencesPayload, type ReferenceRow } from '../../lib/referencesForm';
import { SectionForm } from '../SectionForm';

/** Riferimenti (siso-original §3.2): up to three people to contact, added and removed in place. */
export function ReferencesSection({ intake, canSave }: { intake: IntakeView | null; canSave: boolean }) {
  const { t } = useTranslation();
  const initial = referenceRows(intake?.references ?? null);
  const [rows, setRows] = useState<ReferenceRow[]>(initial.rows);
  const addButton = useRef<HTMLButtonElement>(null);
  const set = (i: number, patch: Partial<ReferenceRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = () => {
    setRows((rs) => [...rs, emptyReference()]);
    // Focus the new row's first field once drawn.
    setTimeout(() => document.getElementById(`ia-references-${rows.length}-surname`)?.focus(), 0);
  };
  const remove = (i: number) => {
    setRows((rs) => rs.filter((_, j) => j !== i));
    addButton.current?.focus();
  };
  const title = t('intake.sections.references');
  if (initial.masked) {
    return (
      <section id="sezione-references" tabIndex={-1} aria-labelledby="sezione-references-title" className="mb-5">
        <h2 id="sezione-references-title" className="h4">{title}</h2>
        <p className="fst-italic">{t('persons.masked')}</p>
      </section>
    );
  }
  const build = () => {
    const { input, problems } = referencesPayload(rows);
    return { input: { references: input }, problems };
  };
  const f = (key: string) => t(`intake.fields.references.${key}` as 'intake.fields.references.surname');
  return (
    <SectionForm section="references" title={title} intake={intake} canSave={canSave} build={build}>
      {rows.length === 0 && <p>{t('intake.references.none')}</p>}
      {rows.map((r, i) => (
        <fieldset key={i} className="border rounded p-3 mb-3">
          <legend className="h6 px-1 w-auto">{t('intake.references.item', { n: i + 1 })}</legend>
          <div className="row">
            <div className="col-12 col-md-6"><TextInput path={`${i}.surname`} label={f('surname')} required value={r.surname} onChange={(v) => set(i, { surname: v })} /></div>
            <div className="col-12 col-md-6"><TextInput path={`${i}.name`} label={f('name')} value={r.name} onChange={(v) => set(i, { name: v })} /></div>
            <div className="col-12 col-md-4"><SelectInput path={`${i}.sex`} label={f('sex')} value={r.sex} onChange={(v) => set(i, { sex: v })} options={[{ value: 'M', label: t('intake.enums.sex.M') }, { value: 'F', label: t('intake.enums.sex.F') }]} /></div>
            <div className="col-12 col-md-4"><TextInput path={`${i}.birthDate`} type="date" label={f('birthDate')} value={r.birthDate} onChange={(v) => set(i, { birthDate: v })} /></div>
            <div className="col-12 col-md-4"><TextInput path={`${i}.relationship`} label={f('relationship')} value={r.relationship} onChange={(v) => set(i, { relationship: v })} /></div>
            <div className="col-12 col-md-4"><TextInput path={`${i}.phone`} type="tel" label={f('phone')} value={r.phone} onChange={(v) => set(i, { phone: v })} /></div>
            <div className="col-12 col-md-4"><TextInput path={`${i}.mobile`} type="tel" label={f('mobile')} value={r.mobile} onChange={(v) => set(i, { mobile: v })} /></div>
            <div className="col-12 col-md-4"><TextInput path={`${i}.email`} type="email" label={f('email')} value={r.email} onChange={(v) => set(i, { email: v })} /></div>
            <div className="col-12"><CheckInput path={`${i}.problems`} label={f('problems')} checked={r.problems} onChange={(v) => set(i, { problems: v })} /></div>
            {r.problems && <div className="col-12"><TextArea path={`${i}.problemsDescription`} label={f('problemsDescription')} value={r.problemsDescription} onChange={(v) => set(i, { problemsDescription: v })} /></div>}
          </div>
          {canSave && (
            <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(i)}>
              {t('intake.references.remove', { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {canSave && (
        <p>
          <button ref={addButton} type="button" className="btn btn-outline-primary btn-sm" onClick={add} disabled={rows.length >= MAX_REFERENCES}>
            {t('intake.references.add')}
          </button>
          {rows.length >= MAX_REFERENCES && <span className="small ms-2">{t('intake.references.max', { max: MAX_REFERENCES })}</span>}
        </p>
      )}
    </SectionForm>
  );
}
