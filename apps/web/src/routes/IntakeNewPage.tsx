import { useTranslation } from 'react-i18next';
import { Breadcrumb } from '../features/common/components/Breadcrumb';
import { usePageTitle } from '../features/common/hooks/usePageTitle';
import { IntakeSections } from '../features/intake/components/IntakeSections';
import { SectionNav } from '../features/intake/components/SectionNav';
import { pageSections } from '../features/intake/lib/sectionList';
import { usePermission } from '../features/session/hooks/useSession';

/**
 * "Nuova scheda di accesso" (/sportello/schede/nuova): the same sections as a saved scheda; the first
 * section saved creates it and the page moves to its address (issue 5, point 2).
 */
export function IntakeNewPage() {
  const { t } = useTranslation();
  const title = t('intake.new.title');
  usePageTitle(title);
  const canCreate = usePermission('intakeRecords.create');
  const sections = pageSections(null, { privacy: false });
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('intake.desk'), to: '/sportello' }, { label: title }]} />
      <h1>{title}</h1>
      <p className="lead">{t('intake.new.intro')}</p>
      <SectionNav sections={sections} missing={new Set()} />
      <IntakeSections intake={null} sections={sections} canSave={canCreate} />
      <p className="small">{t('intake.new.later')}</p>
    </>
  );
}
