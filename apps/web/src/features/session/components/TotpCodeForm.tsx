import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../lib/api';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { TextField } from '../../common/components/TextField';

interface TotpCodeFormProps {
  onSubmit: (code: string) => void;
  pending?: boolean;
  error?: ApiError | null;
  submitLabel: string;
}

/** The six-digit code from the authenticator app; the field error is announced (role=alert above). */
export function TotpCodeForm({ onSubmit, pending = false, error, submitLabel }: TotpCodeFormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [clientError, setClientError] = useState<string | undefined>();
  const ref = useRef<HTMLInputElement>(null);
  const fieldError = clientError ?? (error?.code === 'invalid_input' ? error.details.find((d) => d.path === 'code')?.message : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(clean)) {
      setClientError(t('authSteps.codeFormat'));
      ref.current?.focus();
      return;
    }
    setClientError(undefined);
    onSubmit(clean);
  };

  return (
    <form onSubmit={submit} noValidate>
      {error && <ErrorNotice error={error} />}
      <TextField
        ref={ref}
        label={t('fields.code')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        maxLength={7}
        required
        hint={t('authSteps.codeHint')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={fieldError}
      />
      <button type="submit" className="btn btn-primary" disabled={pending} aria-disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
