import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deskInterventionTypes, isMasked } from '@siso/shared';
import type { IntakeView } from '@siso/shared';
import { ReservedField, SelectInput, TextInput } from '../../../persons/components/form/fields';
import { useDynamicText } from '../../hooks/useDynamicText';
import { useServiceCatalogue } from '../../hooks/useIntake';
import { emptyIntervention, interventionRows, interventionsPayload, type InterventionRow } from '../../lib/interventionsForm';
import { toggleCode } from '../../lib/needGroups';
import { SectionForm } from '../SectionForm';

/** Servizi richiesti (siso-original §3.2): services of the catalogue, and what the desk did itself. */
export function ServicesSection({ intake, canSave }: { intake: IntakeView | null; canSave: boolean }) {
  const { t } = useTranslation();
  const tx = useDynamicText();
  const catalogue = useServiceCatalogue();
  const view = intake?.services ?? null;
  const requestedMasked = isMasked(view?.requested);
  const interventionsMasked = isMasked(view?.deskInterventions);
  const [requested, setRequested] = useState<string[]>(() => (Array.isArray(view?.requested) ? [...view.requested] : []));
  const [rows, setRows] = useState<InterventionRow[]>(() => interventionRows(view?.deskInterventions));
  const set = (i: number, patch: Partial<InterventionRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const build = () => {
    const { input, problems } = interventionsPayload(rows);
    return { input: { services: { ...(requestedMasked ? {} : { requested }), ...(interventionsMasked ? {} : { deskInterventions: input }) } }, problems };
  };
  const f = (key: string) => tx(`intake.fields.services.${key}`);
  return (
    <SectionForm section="services" title={t('intake.sections.services')} intake={intake} canSave={canSave} build={build}>
      {requestedMasked ? (
        <ReservedField label={f('requested')} text={t('persons.masked')} />
      ) : (
        <fieldset id="ia-services-requested" tabIndex={-1} className="mb-4">
          <legend className="h6">{f('requested')}</legend>
          {catalogue.isPending && <p>{t('common.loading')}</p>}
          <div className="row intake-catalogue">
            {(catalogue.data?.items ?? []).map((s) => (
              <div key={s.code} className="col-12 col-md-6">
                <div className="form-check mb-2">
                  <input id={`ia-service-${s.code}`} type="checkbox" checked={requested.includes(s.code)} onChange={(e) => setRequested((c) => toggleCode(c, s.code, e.target.checked))} />
                  <label htmlFor={`ia-service-${s.code}`}>{s.label}</label>
                </div>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      {interventionsMasked ? (
        <ReservedField label={f('deskInterventions')} text={t('persons.masked')} />
      ) : (
        <div className="mb-4">
          <h3 className="h6">{f('deskInterventions')}</h3>
          {rows.length === 0 && <p>{t('intake.services.noInterventions')}</p>}
          {rows.map((r, i) => (
            <fieldset key={i} className="border rounded p-3 mb-3">
              <legend className="h6 px-1 w-auto">{t('intake.services.intervention', { n: i + 1 })}</legend>
              <div className="row">
                <div className="col-12 col-md-4"><SelectInput path={`deskInterventions.${i}.type`} label={f('type')} required value={r.type} onChange={(v) => set(i, { type: v })} options={deskInterventionTypes.map((o) => ({ value: o, label: tx(`intake.enums.deskIntervention.${o}`) }))} /></div>
                <div className="col-12 col-md-4"><TextInput path={`deskInterventions.${i}.date`} type="date" label={f('date')} value={r.date} onChange={(v) => set(i, { date: v })} /></div>
                <div className="col-12 col-md-4"><TextInput path={`deskInterventions.${i}.amount`} inputMode="decimal" label={f('amount')} hint={t('intake.services.amountHint')} value={r.amount} onChange={(v) => set(i, { amount: v })} /></div>
                <div className="col-12 col-md-6"><TextInput path={`deskInterventions.${i}.payer`} label={f('payer')} value={r.payer} onChange={(v) => set(i, { payer: v })} /></div>
                <div className="col-12 col-md-6"><TextInput path={`deskInterventions.${i}.note`} label={f('note')} value={r.note} onChange={(v) => set(i, { note: v })} /></div>
              </div>
              {canSave && (
                <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                  {t('intake.services.removeIntervention', { n: i + 1 })}
                </button>
              )}
            </fieldset>
          ))}
          {canSave && (
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setRows((rs) => [...rs, emptyIntervention()])}>
              {t('intake.services.addIntervention')}
            </button>
          )}
        </div>
      )}
    </SectionForm>
  );
}
