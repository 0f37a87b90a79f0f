import { useTranslation } from 'react-i18next';
import type { IntakeView } from '@siso/shared';
import { ReservedField, SelectInput } from '../../../persons/components/form/fields';
import { todayIso } from '../../../persons/lib/format';
import { useDeskDestinations } from '../../hooks/useIntake';
import { usePlainSection } from '../../hooks/usePlainSection';
import { FieldGrid } from '../FieldGrid';
import { SectionForm } from '../SectionForm';

/**
 * Accesso (siso-original §3.2): date, mode, reason ("inviato da" an office of the region's desks or a
 * free description), accompanied, user present or informed, description. The contact point is not
 * offered: no action lists an office's contact points to desk operators (organisation.tree is for
 * administrators), so the field stays as the server sets it.
 */
export function AccessSection({ intake, canSave }: { intake: IntakeView | null; canSave: boolean }) {
  const { t } = useTranslation();
  const s = usePlainSection('access', intake, { date: todayIso() });
  const sentBy = s.state.values.reason === 'sent_by';
  const offices = useDeskDestinations(sentBy);
  const officeId = typeof s.state.values.sentByOfficeId === 'string' ? s.state.values.sentByOfficeId : '';
  const options = (offices.data?.items ?? []).map((d) => ({ value: d.officeId, label: `${d.officeName} — ${d.enteName}` }));
  if (officeId && !options.some((o) => o.value === officeId)) options.unshift({ value: officeId, label: t('intake.access.otherOffice') });
  const hide = [...(sentBy ? [] : ['sentByText']), ...(s.state.values.accompanied === true ? [] : ['accompaniedBy'])];
  const build = () => {
    const { input, problems } = s.build();
    if (!sentBy) {
      if (!s.state.masked.has('sentByOfficeId')) input.sentByOfficeId = null;
      if (!s.state.masked.has('sentByText')) input.sentByText = null;
    }
    if (s.state.values.accompanied !== true && !s.state.masked.has('accompaniedBy')) input.accompaniedBy = null;
    delete input.contactPointId;
    return { input: { access: input }, problems };
  };
  return (
    <SectionForm section="access" title={t('intake.sections.access')} intake={intake} canSave={canSave} build={build}>
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
