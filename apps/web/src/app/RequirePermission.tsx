import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../features/session/hooks/useSession';

/** Renders its page only when the server granted the action; otherwise says so plainly. */
export function RequirePermission({ action, children }: { action: string; children: ReactNode }) {
  const { t } = useTranslation();
  const allowed = usePermission(action);
  if (allowed) return children;
  return (
    <div className="alert alert-warning" role="alert">
      <h1 className="h4">{t('errors.forbiddenTitle')}</h1>
      <p className="mb-0">{t('errors.forbiddenText')}</p>
    </div>
  );
}
