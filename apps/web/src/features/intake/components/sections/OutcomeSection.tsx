import { useTranslation } from 'react-i18next';
import type { IntakeView } from '@siso/shared';
import { usePlainSection } from '../../hooks/usePlainSection';
import { FieldGrid } from '../FieldGrid';
import { SectionForm } from '../SectionForm';

/**
 * Esito (siso-original §3.2, SS_TIPO_SCHEDA): a proposal to take charge needs the social category, the
 * target of the professional service that receives it on completion.
 */
export function OutcomeSection({ intake, canSave }: { intake: IntakeView | null; canSave: boolean }) {
  const { t } = useTranslation();
  const s = usePlainSection('outcome', intake);
  const proposal = s.state.values.type === 'take_charge_proposal';
  return (
    <SectionForm section="outcome" title={t('intake.sections.outcome')} intake={intake} canSave={canSave} build={() => { const b = s.build(); return { input: { outcome: b.input }, problems: b.problems }; }}>
      {proposal && <p className="small">{t('intake.outcome.proposalHint')}</p>}
      <FieldGrid section="outcome" fields={s.fields} state={s.state} onChange={s.set} />
    </SectionForm>
  );
}
