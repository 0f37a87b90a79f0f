import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../features/common/components/EmptyState';
import { usePageTitle } from '../features/common/hooks/usePageTitle';
import { usePermission, useSession } from '../features/session/hooks/useSession';

/** "Scrivania": the operator's desk. Modules will add their work lists here. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const { operator, context } = useSession();
  const canSeeSystem = usePermission('system.get');
  return (
    <>
      <h1 className="mb-2">{t('home.title')}</h1>
      <p className="lead">{t('home.welcome', { name: operator.displayName })}</p>
      <p>
        {t('home.context', { ente: context.enteName, office: context.officeName })}{' '}
        <span className="text-secondary">
          ({t(`officeTypes.${context.officeType}`)}
          {context.ambitoName && ` · ${t('context.ambito', { name: context.ambitoName })}`})
        </span>
      </p>
      <EmptyState title={t('home.emptyTitle')} icon="it-software">
        <p className="mb-0">{t('home.emptyText')}</p>
        {canSeeSystem && (
          <p className="mt-3 mb-0">
            <Link to="/sistema">{t('home.systemLink')}</Link>
          </p>
        )}
      </EmptyState>
    </>
  );
}
