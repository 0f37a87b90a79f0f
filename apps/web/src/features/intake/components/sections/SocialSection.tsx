import { useTranslation } from 'react-i18next';
import type { IntakeView } from '@siso/shared';
import { usePlainSection } from '../../hooks/usePlainSection';
import { FieldGrid } from '../FieldGrid';
import { SectionForm } from '../SectionForm';

/**
 * Dati socio-ambientali (siso-original §3.2): household, work, education, housing, income; health
 * notes and invalidity are a special category (GDPR art. 9) and read "Riservato" to profiles without it.
 */
export function SocialSection({ intake, canSave }: { intake: IntakeView | null; canSave: boolean }) {
  const { t } = useTranslation();
  const s = usePlainSection('social', intake);
  return (
    <SectionForm section="social" title={t('intake.sections.social')} intake={intake} canSave={canSave} build={() => { const b = s.build(); return { input: { social: b.input }, problems: b.problems }; }}>
      <FieldGrid section="social" fields={s.fields} state={s.state} onChange={s.set} />
    </SectionForm>
  );
}
