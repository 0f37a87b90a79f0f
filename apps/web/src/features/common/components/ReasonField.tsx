import type { Ref } from 'react';

interface ReasonFieldProps {
  /** The textarea's id; the hint and the error take it as prefix. */
  id: string;
  label: string;
  hint: string;
  /** Shown, and tied to the field, while `invalid`. */
  error: string;
  invalid: boolean;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  inputRef?: Ref<HTMLTextAreaElement>;
}

/**
 * The required reason of a refusal, a rejection or a deletion: a labelled textarea marked required,
 * its hint, and the error announced with it when the reason is too short (WCAG 2.1: 3.3.1 error
 * identification, 3.3.2 labels or instructions).
 */
export function ReasonField({ id, label, hint, error, invalid, value, onChange, maxLength, inputRef }: ReasonFieldProps) {
  return (
    <div className="form-group">
      <label htmlFor={id} className="active">
        {label}
        <span aria-hidden="true"> *</span>
      </label>
      <textarea
        ref={inputRef}
        id={id}
        className={`form-control${invalid ? ' is-invalid' : ''}`}
        rows={3}
        maxLength={maxLength}
        required
        aria-required
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <small id={`${id}-hint`} className="form-text">
        {hint}
      </small>
      {invalid && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </div>
  );
}
