import { useEffect, useId, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, useField } from './fields';
import '../../persons.css';

export interface ComboboxProps<T> {
  path: string;
  label: ReactNode;
  value: T | null;
  /** Options for the text typed so far (the caller searches). */
  options: readonly T[];
  loading?: boolean;
  optionKey: (o: T) => string;
  /** The text of an option in the list and in the box once chosen. */
  optionText: (o: T) => string;
  /** Called with the text typed (the caller debounces and searches). */
  onQuery: (text: string) => void;
  onSelect: (o: T | null) => void;
  required?: boolean;
  hint?: ReactNode;
  /** Shown in the list when the text finds nothing. */
  noResults?: string;
  disabled?: boolean;
}

/**
 * An editable combobox with a list popup (WAI-ARIA 1.2 combobox pattern): type to search, Down/Up
 * move through the options (aria-activedescendant), Enter chooses, Escape closes and restores the
 * chosen value; the number of options is announced. Classes of bootstrap-italia's autocomplete.
 */
export function Combobox<T>(props: ComboboxProps<T>) {
  const { path, label, value, options, loading, optionKey, optionText, onQuery, onSelect, required, hint, noResults, disabled } = props;
  const { t } = useTranslation();
  const f = useField(path, hint);
  const listId = useId();
  const chosenText = value ? optionText(value) : '';
  const [text, setText] = useState(chosenText);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [editing, setEditing] = useState(false);

  // A value set from outside (prefill, reset) shows in the box unless the operator is typing.
  useEffect(() => {
    if (!editing) setText(chosenText);
  }, [chosenText, editing]);

  const choose = (o: T | null) => {
    onSelect(o);
    setText(o ? optionText(o) : '');
    setEditing(false);
    setOpen(false);
    setActive(-1);
  };
  const type = (v: string) => {
    setText(v);
    setEditing(true);
    setOpen(true);
    setActive(-1);
    onQuery(v);
    if (v.trim() === '' && value) onSelect(null);
  };
  const restore = () => {
    setOpen(false);
    setActive(-1);
    setEditing(false);
    if (text.trim() === '') {
      if (value) onSelect(null);
      setText('');
    } else setText(chosenText);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) setOpen(true);
      const n = options.length;
      if (n === 0) return;
      setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % n : i <= 0 ? n - 1 : i - 1));
    } else if (e.key === 'Enter' && open && active >= 0 && options[active]) {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      restore();
    }
  };

  const showList = open && editing && text.trim().length > 0;
  const optionId = (i: number) => `${listId}-o${i}`;
  const status = !showList ? '' : loading ? t('common.loading') : t('persons.combobox.count', { count: options.length });
  return (
    <div className="form-group">
      <label htmlFor={f.id} className="active">
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <div className="autocomplete__wrapper">
        <input
          id={f.id}
          type="text"
          role="combobox"
          autoComplete="off"
          className={`form-control${f.error ? ' is-invalid' : ''}`}
          value={text}
          disabled={disabled}
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
          aria-required={required || undefined}
          aria-invalid={f.invalid}
          aria-describedby={f.describedBy}
          onChange={(e) => type(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={restore}
        />
        <ul id={listId} role="listbox" aria-label={typeof label === 'string' ? label : undefined} className={`autocomplete__menu autocomplete__menu--overlay ${showList ? 'autocomplete__menu--visible' : 'autocomplete__menu--hidden'}`}>
          {showList &&
            options.map((o, i) => (
              <li
                key={optionKey(o)}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={`autocomplete__option${i === active ? ' autocomplete__option--focused' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(o)}
              >
                {optionText(o)}
              </li>
            ))}
          {showList && !loading && options.length === 0 && (
            <li className="autocomplete__option autocomplete__option--no-results" role="option" aria-selected={false} aria-disabled="true">
              {noResults ?? t('persons.combobox.none')}
            </li>
          )}
        </ul>
      </div>
      <span className="visually-hidden" role="status" aria-live="polite">
        {status}
      </span>
      {hint && (
        <small id={`${f.id}-hint`} className="form-text">
          {hint}
        </small>
      )}
      <FieldError id={f.id} error={f.error} />
    </div>
  );
}
