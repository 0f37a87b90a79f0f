import { useTranslation } from 'react-i18next';
import { useSessionQuery } from '../../features/session/hooks/useSessionQuery';
import { UserMenu } from '../../features/session/components/UserMenu';
import { LanguageSwitch } from './LanguageSwitch';

/** Slim header: the ambito or ente on the left, language and the operator's menu on the right. */
export function HeaderSlim() {
  const { t } = useTranslation();
  const { data: session } = useSessionQuery();
  const ctx = session?.context;
  const owner = ctx ? (ctx.ambitoName ? `${ctx.ambitoName} — ${ctx.enteName}` : ctx.enteName) : t('app.fullName');
  return (
    <div className="it-header-slim-wrapper">
      <div className="container">
        <div className="row">
          <div className="col-12">
            <div className="it-header-slim-wrapper-content">
              <span className="navbar-brand text-truncate">{owner}</span>
              <div className="it-header-slim-right-zone">
                <LanguageSwitch />
                {session && <UserMenu session={session} />}
              </div>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
