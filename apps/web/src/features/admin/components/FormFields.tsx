import { useId } from 'react';
import { isApiError } from '../../../lib/api';

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'date' | 'select' | 'checkbox';
  required?: boolean;
  options?: { value: string; label: string }[];
}

export type FormValues = Record<string, string | boolean>;

/** The server's message for a field (invalid_input, conflict, forbidden details carry its path). */
export function fieldError(error: unknown, name: string): string | undefined {
  if (!isApiError(error)) return undefined;
  return error.details.find((d) => d.path === name || d.path.startsWith(`${name}.`))?.message;
}

/**
 * Labelled fields with bootstrap-italia markup; a field's error is linked with aria-describedby and
 * the form's error summary (ErrorNotice, role="alert") announces the failure.
 */
export function FormFields({ fields, values, onChange, error }: { fields: FieldSpec[]; values: FormValues; onChange: (v: FormValues) => void; error: unknown }) {
  const id = useId();
  return (
    <>
      {fields.map((f) => {
        const fid = `${id}-${f.name}`;
        const err = fieldError(error, f.name);
        const described = err ? `${fid}-error` : undefined;
        const errorNode = err && (
          <div id={`${fid}-error`} className="invalid-feedback d-block">
            {err}
          </div>
        );
        if (f.type === 'checkbox') {
          return (
            <div key={f.name} className="form-check mb-3">
              <input id={fid} type="checkbox" checked={values[f.name] === true} aria-describedby={described} onChange={(e) => onChange({ ...values, [f.name]: e.target.checked })} />
              <label htmlFor={fid}>{f.label}</label>
              {errorNode}
            </div>
          );
        }
        if (f.type === 'select') {
          return (
            <div key={f.name} className="select-wrapper mb-4">
              <label htmlFor={fid}>
                {f.label}
                {f.required && <span aria-hidden="true"> *</span>}
              </label>
              <select id={fid} value={String(values[f.name] ?? '')} required={f.required} aria-invalid={err ? true : undefined} aria-describedby={described} onChange={(e) => onChange({ ...values, [f.name]: e.target.value })}>
                {/* A required select starts empty too: the choice shown must be the value sent. */}
                <option value="" disabled={f.required}>
                  —
                </option>
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              {errorNode}
            </div>
          );
        }
        return (
          <div key={f.name} className="form-group">
            <label htmlFor={fid} className="active">
              {f.label}
              {f.required && <span aria-hidden="true"> *</span>}
            </label>
            <input
              id={fid}
              type={f.type ?? 'text'}
              className={`form-control${err ? ' is-invalid' : ''}`}
              value={String(values[f.name] ?? '')}
              required={f.required}
              aria-required={f.required || undefined}
              aria-invalid={err ? true : undefined}
              aria-describedby={described}
              onChange={(e) => onChange({ ...values, [f.name]: e.target.value })}
            />
            {errorNode}
          </div>
        );
      })}
    </>
  );
}

/** Empty text → null (the API's "no value"), other values as typed. */
export function orNull(v: string | boolean | undefined): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}
