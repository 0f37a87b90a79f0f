import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ContextChooser } from '../features/session/components/ContextChooser';
import { useSelectContext } from '../features/session/hooks/useSessionActions';
import { useSessionQuery } from '../features/session/hooks/useSessionQuery';
import { usePageTitle } from '../features/common/hooks/usePageTitle';

/** The choice of ente and office: after login (no context yet) and from the header to switch. */
export function ContextPage() {
  const { t } = useTranslation();
  usePageTitle(t('context.title'));
  const navigate = useNavigate();
  const { data: session } = useSessionQuery();
  const select = useSelectContext();
  if (!session) return null;
  const switching = session.context !== null;
  return (
    <div className="row justify-content-center">
      <div className="col-12 col-lg-8">
        <h1 className="h2 mb-2">{t('context.title')}</h1>
        <p className="lead mb-4">{t('context.intro', { name: session.operator.displayName })}</p>
        <ContextChooser
          contexts={session.contexts}
          current={session.context}
          pending={select.isPending}
          error={select.error}
          onSelect={(ctx) => select.mutate(ctx, { onSuccess: () => void navigate('/') })}
          onCancel={switching ? () => void navigate('/') : undefined}
        />
      </div>
    </div>
  );
}
