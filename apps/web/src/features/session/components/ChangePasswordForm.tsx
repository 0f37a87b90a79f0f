import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { TextField } from '../../common/components/TextField';
import { useChangePassword } from '../hooks/useAuthSteps';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';

/** Change of password (forced at first login, or from "Sicurezza"); the server checks the policy. */
export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const refs = { currentPassword: useRef<HTMLInputElement>(null), newPassword: useRef<HTMLInputElement>(null), confirmPassword: useRef<HTMLInputElement>(null) };
  const serverErrors: Partial<Record<Field, string>> = {};
  for (const d of change.error?.code === 'invalid_input' ? change.error.details : []) {
    if (d.path === 'currentPassword' || d.path === 'newPassword') serverErrors[d.path] = serverErrors[d.path] ? `${serverErrors[d.path]} ${d.message}` : d.message;
  }
  const errors = { ...serverErrors, ...clientErrors };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    for (const f of ['currentPassword', 'newPassword', 'confirmPassword'] as const) if (!values[f]) found[f] = t('validation.required');
    if (!found.confirmPassword && values.confirmPassword !== values.newPassword) found.confirmPassword = t('account.passwordMismatch');
    setClientErrors(found);
    const first = (['currentPassword', 'newPassword', 'confirmPassword'] as const).find((f) => found[f]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues({ currentPassword: '', newPassword: '', confirmPassword: '' });
          onDone?.();
        },
      },
    );
  };
  const set = (f: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f]: e.target.value }));

  return (
    <form onSubmit={submit} noValidate>
      {change.error && <ErrorNotice error={change.error} />}
      {change.isSuccess && (
        <div className="alert alert-success" role="status">
          {t('account.passwordChanged')}
        </div>
      )}
      <TextField ref={refs.currentPassword} label={t('fields.currentPassword')} name="currentPassword" type="password" autoComplete="current-password" required value={values.currentPassword} onChange={set('currentPassword')} error={errors.currentPassword} />
      <TextField ref={refs.newPassword} label={t('fields.newPassword')} name="newPassword" type="password" autoComplete="new-password" required hint={t('account.passwordRules')} value={values.newPassword} onChange={set('newPassword')} error={errors.newPassword} />
      <TextField ref={refs.confirmPassword} label={t('fields.confirmPassword')} name="confirmPassword" type="password" autoComplete="new-password" required value={values.confirmPassword} onChange={set('confirmPassword')} error={errors.confirmPassword} />
      <button type="submit" className="btn btn-primary" disabled={change.isPending} aria-disabled={change.isPending}>
        {t('account.changePassword')}
      </button>
    </form>
  );
}
