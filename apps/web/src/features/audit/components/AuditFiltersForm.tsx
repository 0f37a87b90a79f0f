import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { auditOutcome } from '@siso/shared';
import type { AuditFilters } from '@siso/shared';
import { TextField } from '../../common/components/TextField';

interface AuditFiltersFormProps {
  value: AuditFilters;
  onChange: (value: AuditFilters) => void;
  /** Filters fixed by the tab (the break-the-glass report fixes the action). */
  fixedAction?: string;
}

const empty = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** The audit search: applied on submit, so a half-typed id never fires a query. */
export function AuditFiltersForm({ value, onChange, fixedAction }: AuditFiltersFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v ?? '')])),
  );
  const field = (name: keyof AuditFilters) => ({
    name,
    value: draft[name] ?? '',
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: e.target.value })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const outcome = auditOutcome.safeParse(draft.outcome);
    onChange({
      operator: empty(draft.operator ?? ''),
      person: empty(draft.person ?? ''),
      recordKind: empty(draft.recordKind ?? ''),
      recordId: empty(draft.recordId ?? ''),
      action: fixedAction ?? empty(draft.action ?? ''),
      outcome: outcome.success ? outcome.data : undefined,
      from: empty(draft.from ?? ''),
      to: empty(draft.to ?? ''),
    });
  };
  const reset = () => {
    setDraft({});
    onChange(fixedAction ? { action: fixedAction } : {});
  };
  return (
    <form className="mt-4 mb-3" onSubmit={submit} aria-label={t('audit.filters.label')}>
      <div className="row gx-3">
        <div className="col-12 col-md-6 col-lg-3">
          <TextField label={t('audit.filters.operator')} hint={t('audit.filters.operatorHint')} {...field('operator')} />
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <TextField label={t('audit.filters.person')} hint={t('audit.filters.uuidHint')} {...field('person')} />
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <TextField label={t('audit.filters.recordKind')} {...field('recordKind')} />
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <TextField label={t('audit.filters.recordId')} hint={t('audit.filters.uuidHint')} {...field('recordId')} />
        </div>
        {!fixedAction && (
          <div className="col-12 col-md-6 col-lg-3">
            <TextField label={t('audit.filters.action')} hint={t('audit.filters.actionHint')} {...field('action')} />
          </div>
        )}
        <div className="col-12 col-md-6 col-lg-3">
          <div className="select-wrapper form-group">
            <label htmlFor={`${id}-outcome`}>{t('audit.filters.outcome')}</label>
            <select id={`${id}-outcome`} {...field('outcome')}>
              <option value="">{t('audit.filters.allOutcomes')}</option>
              {auditOutcome.options.map((o) => (
                <option key={o} value={o}>
                  {t(`audit.outcome.${o}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="col-6 col-lg-3">
          <TextField type="date" label={t('audit.filters.from')} {...field('from')} />
        </div>
        <div className="col-6 col-lg-3">
          <TextField type="date" label={t('audit.filters.to')} {...field('to')} />
        </div>
      </div>
      <button type="submit" className="btn btn-primary me-2">
        {t('audit.filters.apply')}
      </button>
      <button type="button" className="btn btn-outline-secondary" onClick={reset}>
        {t('audit.filters.reset')}
      </button>
    </form>
  );
}
