import { createContext, useContext } from 'react';
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { fieldId, type FormIssue } from '../../lib/formErrors';
import { ReservedText } from '../../../break-glass/components/ReservedText';

/**
 * Labelled inputs of the person forms, bootstrap-italia markup. Each is addressed by a form path
 * (`surname`, `contacts.0.value`): its id comes from the path, so the error summary can link to it,
 * and its error (from the browser's checks or the server) is linked with aria-describedby.
 */
interface FormScope {
  prefix: string;
  issues: readonly FormIssue[];
}

const Scope = createContext<FormScope>({ prefix: 'pf', issues: [] });

export function FormScopeProvider({ prefix, issues, children }: FormScope & { children: ReactNode }) {
  return <Scope.Provider value={{ prefix, issues }}>{children}</Scope.Provider>;
}

/** Id, error and aria attributes of the field at `path`. */
export function useField(path: string, hint?: ReactNode) {
  const { prefix, issues } = useContext(Scope);
  const id = fieldId(path, prefix);
  const error = issues.find((i) => i.path === path)?.message;
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  return { id, error, describedBy, invalid: error ? true : undefined };
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <div id={`${id}-error`} className="invalid-feedback d-block">
      {error}
    </div>
  );
}

function Label({ id, label, required }: { id: string; label: ReactNode; required?: boolean | undefined }) {
  return (
    <label htmlFor={id} className="active">
      {label}
      {required && <span aria-hidden="true"> *</span>}
    </label>
  );
}

interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> {
  path: string;
  label: ReactNode;
  value: string;
  onChange: (v: string) => void;
  hint?: ReactNode;
}

export function TextInput({ path, label, value, onChange, hint, required, type = 'text', className, ...rest }: TextInputProps) {
  const f = useField(path, hint);
  return (
    <div className={`form-group ${className ?? ''}`}>
      <Label id={f.id} label={label} required={required} />
      <input
        id={f.id}
        type={type}
        className={`form-control${f.error ? ' is-invalid' : ''}`}
        value={value}
        aria-required={required || undefined}
        aria-invalid={f.invalid}
        aria-describedby={f.describedBy}
        onChange={(e) => onChange(e.target.value)}
        {...rest}
      />
      {hint && (
        <small id={`${f.id}-hint`} className="form-text">
          {hint}
        </small>
      )}
      <FieldError id={f.id} error={f.error} />
    </div>
  );
}

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'onChange' | 'value'> {
  path: string;
  label: ReactNode;
  value: string;
  onChange: (v: string) => void;
  hint?: ReactNode;
}

export function TextArea({ path, label, value, onChange, hint, required, ...rest }: TextAreaProps) {
  const f = useField(path, hint);
  return (
    <div className="form-group">
      <Label id={f.id} label={label} required={required} />
      <textarea
        id={f.id}
        className={`form-control${f.error ? ' is-invalid' : ''}`}
        value={value}
        rows={3}
        aria-required={required || undefined}
        aria-invalid={f.invalid}
        aria-describedby={f.describedBy}
        onChange={(e) => onChange(e.target.value)}
        {...rest}
      />
      {hint && (
        <small id={`${f.id}-hint`} className="form-text">
          {hint}
        </small>
      )}
      <FieldError id={f.id} error={f.error} />
    </div>
  );
}

interface SelectInputProps {
  path: string;
  label: ReactNode;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  required?: boolean;
  /** Text of the empty choice ("—" when not given). */
  emptyLabel?: string;
  disabled?: boolean;
  className?: string;
}

export function SelectInput({ path, label, value, onChange, options, required, emptyLabel = '—', disabled, className }: SelectInputProps) {
  const f = useField(path);
  return (
    <div className={`select-wrapper mb-4 ${className ?? ''}`}>
      <Label id={f.id} label={label} required={required} />
      <select id={f.id} value={value} disabled={disabled} aria-required={required || undefined} aria-invalid={f.invalid} aria-describedby={f.describedBy} onChange={(e) => onChange(e.target.value)}>
        <option value="">{emptyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={f.id} error={f.error} />
    </div>
  );
}

export function CheckInput({ path, label, checked, onChange, hint }: { path: string; label: ReactNode; checked: boolean; onChange: (v: boolean) => void; hint?: ReactNode }) {
  const f = useField(path, hint);
  return (
    <div className="form-check mb-3">
      <input id={f.id} type="checkbox" checked={checked} aria-describedby={f.describedBy} aria-invalid={f.invalid} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={f.id}>{label}</label>
      {hint && (
        <small id={`${f.id}-hint`} className="form-text d-block">
          {hint}
        </small>
      )}
      <FieldError id={f.id} error={f.error} />
    </div>
  );
}

/** A read-only value in place of a field the profile may not read. */
export function ReservedField({ label, text }: { label: ReactNode; text: string }) {
  return (
    <div className="mb-4">
      <span className="d-block fw-semibold small">{label}</span>
      {/* On a record page where the actor may break the glass, "Riservato" offers the emergency access. */}
      <ReservedText text={text} field={typeof label === 'string' ? label : undefined} />
    </div>
  );
}
