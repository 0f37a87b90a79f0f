import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Breadcrumb } from '../features/common/components/Breadcrumb';
import { usePageTitle } from '../features/common/hooks/usePageTitle';
import { AuditLogSection } from '../features/audit/components/AuditLogSection';
import { Tabs } from '../features/common/components/Tabs';
import { AuditVerifyPanel } from '../features/audit/components/AuditVerifyPanel';

type Tab = 'log' | 'breakGlass' | 'integrity';

/** The DPO's audit page (GDPR art. 5(2), 30, 32): the log of the ambito, break-the-glass, integrity. */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const [tab, setTab] = useState<Tab>('log');
  const tabs: Array<{ key: Tab; label: string }> = [
    { key: 'log', label: t('audit.tabs.log') },
    { key: 'breakGlass', label: t('audit.tabs.breakGlass') },
    { key: 'integrity', label: t('audit.tabs.integrity') },
  ];
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('audit.title') }]} />
      <h1 className="mb-2">{t('audit.title')}</h1>
      <p className="lead mb-4">{t('audit.intro')}</p>
      <Tabs id="audit" tabs={tabs} active={tab} onSelect={setTab} label={t('audit.tabs.label')} />
      <div id={`audit-panel-${tab}`} role="tabpanel" aria-labelledby={`audit-tab-${tab}`} tabIndex={0} className="pt-3">
        {tab === 'log' && <AuditLogSection key="log" caption={t('audit.caption')} />}
        {tab === 'breakGlass' && (
          <>
            <p className="mt-3">{t('audit.breakGlassIntro')}</p>
            <AuditLogSection key="breakGlass" fixedAction="breakGlass.open" caption={t('audit.breakGlassCaption')} />
          </>
        )}
        {tab === 'integrity' && <AuditVerifyPanel />}
      </div>
    </>
  );
}
