import { useTranslation } from 'react-i18next';
import type { IntakeView } from '@siso/shared';
import { ReservedField, SelectInput } from '../../../persons/components/form/fields';
import { todayIso } from '../../../persons/lib/format';
import { useContactPoints } from '../../hooks/useContactPoints';
import { useDeskDestinations } from '../../hooks/useIntake';
import { usePlainSection } from '../../hooks/usePlainSection';
import { FieldGrid, FieldInput } from '../FieldGrid';
import { SectionForm } from '../SectionForm';

/**
 * Accesso (siso-original §3.2): date, contact point of the desk, mode, reason ("inviato da" an office
 * of the region's desks or a free description), accompanied, user present or informed, description.
 * The contact point select shows only when the desk has contact points; without it the field is not
 * sent, so a saved value stays as it is.
 */
export function AccessSection({ intake, canSave }: { intake: IntakeView | null; canSave: boolean }) {
  const { t } = useTranslation();
  const s = usePlainSection('access', intake, { date: todayIso() });
  // Drawn apart from the grid so the contact point sits next to it (siso-original §3.2 order).
  const dateField = s.fields.find((f) => f.key === 'date') ?? { key: 'date', kind: 'date' as const };
  const sentBy = s.state.values.reason === 'sent_by';
  const offices = useDeskDestinations(sentBy);
  const officeId = typeof s.state.values.sentByOfficeId === 'string' ? s.state.values.sentByOfficeId : '';
  const options = (offices.data?.items ?? []).map((d) => ({ value: d.officeId, label: `${d.officeName} — ${d.enteName}` }));
  if (officeId && !options.some((o) => o.value === officeId)) options.unshift({ value: officeId, label: t('intake.access.otherOffice') });
  const contactPoints = useContactPoints(intake);
  const contactPointId = typeof s.state.values.contactPointId === 'string' ? s.state.values.contactPointId : '';
  const pointOptions = contactPoints.points.map((p) => ({ value: p.id, label: p.name }));
  if (contactPointId && !pointOptions.some((o) => o.value === contactPointId)) pointOptions.unshift({ value: contactPointId, label: t('intake.access.otherContactPoint') });
  const showPoints = pointOptions.length > 0 || s.state.masked.has('contactPointId');
  const hide = ['date', ...(sentBy ? [] : ['sentByText']), ...(s.state.values.accompanied === true ? [] : ['accompaniedBy'])];
  const build = () => {
    const { input, problems } = s.build();
    if (!sentBy) {
      if (!s.state.masked.has('sentByOfficeId')) input.sentByOfficeId = null;
      if (!s.state.masked.has('sentByText')) input.sentByText = null;
    }
    if (s.state.values.accompanied !== true && !s.state.masked.has('accompaniedBy')) input.accompaniedBy = null;
    if (!showPoints) delete input.contactPointId;
    return { input: { access: input }, problems };
  };
  return (
    <SectionForm section="access" title={t('intake.sections.access')} intake={intake} canSave={canSave} build={build}>
      <div className="row">
        <div className="col-12 col-md-6">
          <FieldInput section="access" field={dateField} state={s.state} onChange={s.set} />
        </div>
        {showPoints && (
          <div className="col-12 col-md-6">
            {s.state.masked.has('contactPointId') ? (
              <ReservedField label={t('intake.fields.access.contactPointId')} text={t('persons.masked')} />
            ) : (
              <SelectInput path="contactPointId" label={t('intake.fields.access.contactPointId')} value={contactPointId} onChange={(v) => s.set('contactPointId', v)} options={pointOptions} emptyLabel={contactPoints.pending ? t('common.loading') : '—'} />
            )}
          </div>
        )}
      </div>
      <FieldGrid section="access" fields={s.fields} state={s.state} onChange={s.set} hide={hide} />
      {sentBy && (
        <div className="row">
          <div className="col-12 col-md-6">
            {s.state.masked.has('sentByOfficeId') ? (
              <ReservedField label={t('intake.fields.access.sentByOfficeId')} text={t('persons.masked')} />
            ) : (
              <SelectInput path="sentByOfficeId" label={t('intake.fields.access.sentByOfficeId')} value={officeId} onChange={(v) => s.set('sentByOfficeId', v)} options={options} emptyLabel={offices.isPending ? t('common.loading') : '—'} />
            )}
          </div>
        </div>
      )}
    </SectionForm>
  );
}
