import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkContext } from '@siso/shared';
import type { ApiError } from '../../../lib/api';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { EmptyState } from '../../common/components/EmptyState';
import { ContextOption } from './ContextOption';

interface ContextChooserProps {
  contexts: WorkContext[];
  current?: WorkContext | null;
  onSelect: (ctx: WorkContext) => void;
  onCancel?: () => void;
  pending?: boolean;
  error?: ApiError | null;
}

/** The operator's assignments as a radio group: ente and office, with ambito and office type. */
export function ContextChooser({ contexts, current, onSelect, onCancel, pending = false, error }: ContextChooserProps) {
  const { t } = useTranslation();
  const groupId = useId();
  const errorId = `${groupId}-error`;
  const [chosen, setChosen] = useState<string | null>(current?.assignmentId ?? null);
  const [missing, setMissing] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);

  if (contexts.length === 0) {
    return <EmptyState title={t('context.noneTitle')}>{t('context.noneText')}</EmptyState>;
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ctx = contexts.find((c) => c.assignmentId === chosen);
    if (!ctx) {
      setMissing(true);
      firstRef.current?.focus();
      return;
    }
    onSelect(ctx);
  };

  return (
    <form onSubmit={submit} noValidate>
      {error && <ErrorNotice error={error} />}
      <fieldset aria-describedby={missing ? errorId : undefined} aria-invalid={missing || undefined}>
        <legend className="h5">
          {t('context.legend')}
          <span aria-hidden="true"> *</span>
        </legend>
        {missing && (
          <div id={errorId} className="alert alert-danger" role="alert">
            {t('context.required')}
          </div>
        )}
        <ul className="list-unstyled mb-4">
          {contexts.map((ctx, i) => (
            <ContextOption
              key={ctx.assignmentId}
              ref={i === 0 ? firstRef : undefined}
              id={`${groupId}-${i}`}
              ctx={ctx}
              checked={chosen === ctx.assignmentId}
              onChoose={() => {
                setChosen(ctx.assignmentId);
                setMissing(false);
              }}
            />
          ))}
        </ul>
      </fieldset>
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t('context.submitting') : t('context.submit')}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
