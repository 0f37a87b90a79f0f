import { useTranslation } from 'react-i18next';
import { Breadcrumb } from '../features/common/components/Breadcrumb';
import { usePageTitle } from '../features/common/hooks/usePageTitle';
import { JobDefinitionsSection } from '../features/jobs/components/JobDefinitionsSection';
import { JobRunsSection } from '../features/jobs/components/JobRunsSection';
import { usePermission } from '../features/session/hooks/useSession';

export function JobsPage() {
  const { t } = useTranslation();
  usePageTitle(t('jobs.title'));
  const canSeeSystem = usePermission('system.get');
  return (
    <>
      <Breadcrumb
        items={[
          { label: t('nav.home'), to: '/' },
          ...(canSeeSystem ? [{ label: t('nav.system'), to: '/sistema' }] : []),
          { label: t('jobs.title') },
        ]}
      />
      <h1 className="mb-2">{t('jobs.title')}</h1>
      <p className="lead mb-4">{t('jobs.intro')}</p>
      <JobDefinitionsSection />
      <JobRunsSection />
    </>
  );
}
