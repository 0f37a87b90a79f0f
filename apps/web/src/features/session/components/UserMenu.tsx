import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '@siso/shared';
import { Dropdown } from '../../common/components/Dropdown';
import { Icon } from '../../common/components/Icon';
import { useLogout } from '../hooks/useSessionActions';

/** The operator's menu in the slim header: current context, switch of context, logout. */
export function UserMenu({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const { operator, context, contexts } = session;
  return (
    <Dropdown
      className="nav-item dropdown"
      buttonClassName="nav-link"
      alignEnd
      label={
        <>
          <Icon name="it-user" size="sm" color="white" className="me-1" />
          <span className="visually-hidden">{t('user.menu')}: </span>
          <span className="user-menu-name">{operator.displayName}</span>
        </>
      }
    >
      {(close) => (
        <div className="link-list-wrapper">
          <ul className="link-list">
            {context && (
              <li className="px-4 py-2 small text-secondary">
                {context.enteName}
                <br />
                {context.officeName}
              </li>
            )}
            <li>
              <Link className="dropdown-item list-item" to="/profilo" onClick={close}>
                <span>{t('user.account')}</span>
              </Link>
            </li>
            {contexts.length > 1 && (
              <li>
                <Link className="dropdown-item list-item" to="/contesto" onClick={close}>
                  <span>{t('user.switchContext')}</span>
                </Link>
              </li>
            )}
            <li>
              <button
                type="button"
                className="dropdown-item list-item"
                onClick={() => {
                  close();
                  void navigate('/');
                  logout.mutate();
                }}
              >
                <span>{t('user.logout')}</span>
              </button>
            </li>
          </ul>
        </div>
      )}
    </Dropdown>
  );
}
