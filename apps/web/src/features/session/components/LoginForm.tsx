import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authLogin, fieldMessageText } from '@siso/shared';
import type { ApiError } from '../../../lib/api';
import { currentLanguage } from '../../../i18n/i18n';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { TextField } from '../../common/components/TextField';

type Field = 'username' | 'password';
export type LoginValues = Record<Field, string>;
type FieldErrors = Partial<Record<Field, string>>;

interface LoginFormProps {
  onSubmit: (values: LoginValues) => void;
  pending?: boolean;
  /** The last failure from `auth.login`: field details go beside the fields, the rest above the form. */
  error?: ApiError | null;
}

function isField(path: string): path is Field {
  return path === 'username' || path === 'password';
}

/** Field errors from the contract's own input schema; an empty field is simply "required". */
function validateLogin(values: LoginValues, required: string, invalid: string): FieldErrors {
  const found: FieldErrors = {};
  const parsed = authLogin.input.safeParse(values);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0]);
    if (!isField(field) || found[field]) continue;
    found[field] =
      values[field].trim() === '' ? required : (fieldMessageText(issue.code, currentLanguage()) ?? invalid);
  }
  return found;
}

/** Username and password, validated with the contract's own schema before anything is sent. */
export function LoginForm({ onSubmit, pending = false, error }: LoginFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<LoginValues>({ username: '', password: '' });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const refs = { username: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };

  const serverErrors: FieldErrors = {};
  for (const d of error?.code === 'invalid_input' ? error.details : []) {
    if (isField(d.path)) serverErrors[d.path] ??= d.message;
  }
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };
  const generalError = error && !(error.code === 'invalid_input' && Object.keys(serverErrors).length) ? error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateLogin(values, t('validation.required'), t('validation.invalid'));
    setClientErrors(found);
    const first = (['username', 'password'] as const).find((f) => found[f]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    onSubmit(values);
  };

  const change = (field: Field) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    if (clientErrors[field]) setClientErrors((c) => ({ ...c, [field]: undefined }));
  };

  return (
    <form onSubmit={submit} noValidate aria-describedby="login-required-note">
      {generalError && <ErrorNotice error={generalError} />}
      <p id="login-required-note" className="small text-secondary mb-4">
        {t('common.requiredNote')}
      </p>
      <TextField
        ref={refs.username}
        label={t('fields.username')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={values.username}
        onChange={change('username')}
        error={errors.username}
      />
      <TextField
        ref={refs.password}
        label={t('fields.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={values.password}
        onChange={change('password')}
        error={errors.password}
      />
      <button type="submit" className="btn btn-primary" disabled={pending} aria-disabled={pending}>
        {pending ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
