import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../lib/api';
import { fieldId, type FormIssue } from '../../lib/formErrors';

interface ErrorSummaryProps {
  issues: readonly FormIssue[];
  /** A failure that is not about one field (409 conflict, 422, network): its message. */
  error?: unknown;
  prefix?: string;
  /** Labels a form path for the summary. */
  labelOf: (path: string) => string;
  /** Changes on each failed submit, so focus moves to the summary again. */
  attempt: number;
}

/**
 * The error summary above a form (WCAG 3.3.1, 3.3.3): it takes focus after a failed submit, names
 * each wrong field and links to it; following a link focuses the field.
 */
export function ErrorSummary({ issues, error, prefix = 'pf', labelOf, attempt }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const shown = issues.length > 0 || Boolean(error);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (!shown) return null;
  const general = issues.length === 0 && isApiError(error) ? error.message : issues.length === 0 ? t('errors.unexpected') : null;
  const jump = (path: string) => {
    const el = document.getElementById(fieldId(path, prefix));
    if (!el) return;
    el.scrollIntoView?.({ block: 'center' });
    el.focus();
  };
  return (
    <div ref={ref} className="alert alert-danger" role="alert" tabIndex={-1} aria-labelledby={`${prefix}-errors-title`}>
      <h2 id={`${prefix}-errors-title`} className="h5">
        {issues.length > 0 ? t('persons.form.errorsTitle', { count: issues.length }) : t('persons.form.notSaved')}
      </h2>
      {general && <p className="mb-0">{general}</p>}
      {issues.length > 0 && (
        <ul className="mb-0">
          {issues.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              <a
                href={`#${fieldId(i.path, prefix)}`}
                onClick={(e) => {
                  e.preventDefault();
                  jump(i.path);
                }}
              >
                {labelOf(i.path)}: {i.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
