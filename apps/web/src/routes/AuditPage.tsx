import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '@siso/shared';
import { Breadcrumb } from '../features/common/components/Breadcrumb';
import { usePageTitle } from '../features/common/hooks/usePageTitle';
import { AuditLogSection } from '../features/audit/components/AuditLogSection';
import { Tabs } from '../features/common/components/Tabs';
import { AuditVerifyPanel } from '../features/audit/components/AuditVerifyPanel';
import { AuditBreakGlassSection } from '../features/audit/components/AuditBreakGlassSection';
import { AuditSharesSection } from '../features/audit/components/AuditSharesSection';
import { usePermission } from '../features/session/hooks/useSession';

type Tab = 'log' | 'breakGlass' | 'shares' | 'integrity';

/** The DPO's audit page (GDPR art. 5(2), 30, 32, 39): the log of the ambito, break-the-glass, shares, integrity. */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const [tab, setTab] = useState<Tab>('log');
  // A record's trail opened from a share or an emergency access: the log tab, filtered on that record.
  const [logFilters, setLogFilters] = useState<{ filters: AuditFilters; n: number }>({ filters: {}, n: 0 });
  const canBreakGlass = usePermission('breakGlass.find');
  const canShares = usePermission('grants.find');
  const tabs: Array<{ key: Tab; label: string }> = [
    { key: 'log', label: t('audit.tabs.log') },
    ...(canBreakGlass ? [{ key: 'breakGlass' as const, label: t('audit.tabs.breakGlass') }] : []),
    ...(canShares ? [{ key: 'shares' as const, label: t('audit.tabs.shares') }] : []),
    { key: 'integrity', label: t('audit.tabs.integrity') },
  ];
  const showRecord = (filters: AuditFilters) => {
    setLogFilters((f) => ({ filters, n: f.n + 1 }));
    setTab('log');
  };
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('audit.title') }]} />
      <h1 className="mb-2">{t('audit.title')}</h1>
      <p className="lead mb-4">{t('audit.intro')}</p>
      <Tabs id="audit" tabs={tabs} active={tab} onSelect={setTab} label={t('audit.tabs.label')} />
      <div id={`audit-panel-${tab}`} role="tabpanel" aria-labelledby={`audit-tab-${tab}`} tabIndex={0} className="pt-3">
        {tab === 'log' && <AuditLogSection key={`log-${logFilters.n}`} initialFilters={logFilters.filters} caption={t('audit.caption')} />}
        {tab === 'breakGlass' && <AuditBreakGlassSection onShowRecord={showRecord} />}
        {tab === 'shares' && <AuditSharesSection onShowRecord={showRecord} />}
        {tab === 'integrity' && <AuditVerifyPanel />}
      </div>
    </>
  );
}
