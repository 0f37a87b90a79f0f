import { useTranslation } from 'react-i18next';

/**
 * The friendly page shown when rendering fails. It reloads instead of navigating, since the
 * application state may be broken. `standalone` when it replaces the whole shell.
 */
export function ErrorPage({ standalone = true }: { standalone?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={standalone ? 'container my-5' : 'my-4'} role="alert">
      <h1>{t('errors.pageTitle')}</h1>
      <p className="lead">{t('errors.pageText')}</p>
      <p>{t('errors.pageHint')}</p>
      <div className="d-flex gap-2">
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
        <a className="btn btn-outline-primary" href="/">
          {t('errors.backHome')}
        </a>
      </div>
    </div>
  );
}
