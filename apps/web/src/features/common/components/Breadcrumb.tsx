import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export interface Crumb {
  label: string;
  to?: string;
}

/** bootstrap-italia breadcrumb; the last item is the current page. */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumb-container" aria-label={t('common.breadcrumb')}>
      <ol className="breadcrumb p-0 mb-3">
        {items.map((item, i) => {
          const last = i === items.length - 1;
          return (
            <li key={item.label} className={`breadcrumb-item${last ? ' active' : ''}`} aria-current={last ? 'page' : undefined}>
              {item.to && !last ? <Link to={item.to}>{item.label}</Link> : item.label}
              {!last && <span className="separator">/</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
