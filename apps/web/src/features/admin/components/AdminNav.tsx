import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../session/hooks/useSession';

/** The administration area's sections, each shown only with its permission. */
export function AdminNav() {
  const { t } = useTranslation();
  const links = [
    { to: '/amministrazione/organizzazione', label: t('admin.organisation.title'), show: usePermission('organisation.tree') },
    { to: '/amministrazione/operatori', label: t('admin.operators.title'), show: usePermission('operators.find') },
    { to: '/amministrazione/profili', label: t('admin.profiles.title'), show: usePermission('profiles.find') },
    { to: '/amministrazione/campi', label: t('admin.customFields.title'), show: usePermission('fields.find') },
    { to: '/amministrazione/sportelli', label: t('admin.desks.title'), show: usePermission('desks.configure') },
  ];
  return (
    <nav aria-label={t('admin.navLabel')} className="mb-4">
      <ul className="nav nav-tabs">
        {links.filter((l) => l.show).map((l) => (
          <li key={l.to} className="nav-item">
            <NavLink to={l.to} className="nav-link">{l.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
