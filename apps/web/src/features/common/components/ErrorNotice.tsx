import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api';
import { useFieldLabel } from '../hooks/useFieldLabel';

interface ErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
}

/**
 * An error from the API, as the server worded it (already localised through Accept-Language); field
 * paths of `invalid_input` are labelled from the catalogue.
 */
export function ErrorNotice({ error, onRetry }: ErrorNoticeProps) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const message = isApiError(error) ? error.message : t('errors.unexpected');
  const details = isApiError(error) ? error.details : [];
  return (
    <div className="alert alert-danger" role="alert">
      <p className="mb-0">{message}</p>
      {details.length > 0 && (
        <ul className="mb-0 mt-2">
          {details.map((d) => (
            <li key={`${d.path}:${d.message}`}>
              {d.path ? `${fieldLabel(d.path)}: ` : ''}
              {d.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="btn btn-outline-primary btn-sm mt-3" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
