import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  classChangeAllowed,
  customFieldTargets,
  customFieldTypes,
  fieldMessageText,
  fieldsUpsert,
  profileFieldClasses,
  type CustomFieldTarget,
  type CustomFieldType,
  type FieldDefinitionView,
  type ProfileFieldClass,
} from '@siso/shared';
import { currentLanguage } from '../../../i18n/i18n';
import { isApiError, type ActionInput } from '../../../lib/api';
import { useUpsertCustomField } from '../hooks/useCustomFields';

interface OptionDraft {
  code: string;
  labelIt: string;
  labelEn: string;
  archived: boolean;
  /** Already saved: it cannot be removed, only archived (stored values may use it). */
  saved: boolean;
}

interface Draft {
  target: CustomFieldTarget;
  appliesTo: string;
  key: string;
  labelIt: string;
  labelEn: string;
  helpIt: string;
  helpEn: string;
  type: CustomFieldType;
  options: OptionDraft[];
  required: boolean;
  fieldClass: ProfileFieldClass;
  min: string;
  max: string;
  minDate: string;
  maxDate: string;
  pattern: string;
  position: string;
  validFrom: string;
  validTo: string;
  archived: boolean;
}

interface Problem {
  path: string;
  message: string;
}

const text = (v: string | null | undefined) => v ?? '';
const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const isChoice = (t: CustomFieldType) => t === 'choice' || t === 'multi_choice';
const hasBounds = (t: CustomFieldType) => t === 'text' || t === 'long_text' || t === 'number' || t === 'multi_choice';

function draftOf(f: FieldDefinitionView | undefined): Draft {
  return {
    target: f?.target ?? 'intake',
    appliesTo: text(f?.appliesTo),
    key: f?.key ?? '',
    labelIt: f?.labelIt ?? '',
    labelEn: text(f?.labelEn),
    helpIt: text(f?.helpIt),
    helpEn: text(f?.helpEn),
    type: f?.type ?? 'text',
    options: (f?.options ?? []).map((o) => ({ code: o.code, labelIt: o.labelIt, labelEn: text(o.labelEn), archived: o.archived, saved: true })),
    required: f?.required ?? false,
    fieldClass: f?.fieldClass ?? 'personal',
    min: num(f?.min),
    max: num(f?.max),
    minDate: text(f?.minDate),
    maxDate: text(f?.maxDate),
    pattern: text(f?.pattern),
    position: num(f?.position ?? 0),
    validFrom: text(f?.validFrom),
    validTo: text(f?.validTo),
    archived: f?.archived ?? false,
  };
}

/** The contract's input from the form; attributes the type does not use are sent empty. */
function inputOf(d: Draft, field: FieldDefinitionView | undefined): ActionInput<'fields.upsert'> {
  const number = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));
  return {
    ...(field ? { id: field.id, version: field.version, archived: d.archived } : {}),
    target: d.target,
    appliesTo: orNull(d.appliesTo),
    key: d.key.trim(),
    labelIt: d.labelIt,
    labelEn: orNull(d.labelEn),
    helpIt: orNull(d.helpIt),
    helpEn: orNull(d.helpEn),
    type: d.type,
    options: isChoice(d.type) ? d.options.map((o) => ({ code: o.code.trim(), labelIt: o.labelIt, labelEn: orNull(o.labelEn), archived: o.archived })) : [],
    required: d.required,
    fieldClass: d.fieldClass,
    min: hasBounds(d.type) ? number(d.min) : null,
    max: hasBounds(d.type) ? number(d.max) : null,
    minDate: d.type === 'date' ? orNull(d.minDate) : null,
    maxDate: d.type === 'date' ? orNull(d.maxDate) : null,
    pattern: d.type === 'text' ? orNull(d.pattern) : null,
    position: number(d.position) ?? 0,
    validFrom: orNull(d.validFrom),
    validTo: orNull(d.validTo),
  };
}

/**
 * A configuration-defined field: where it appears, its labels, type and rules, and its data class (with
 * what each class means and who reads it). Once saved, target, key and type are fixed and the class may
 * only become stricter — the server refuses the rest; the form says so before. The same shared schema as
 * the server checks the form before sending; problems are listed in an error summary linked to the fields.
 */
export function CustomFieldEditor({ field, onClose }: { field?: FieldDefinitionView | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [d, setD] = useState<Draft>(() => draftOf(field));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [summary, setSummary] = useState<string | null>(null);
  const upsert = useUpsertCustomField();
  const heading = useRef<HTMLHeadingElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (summary !== null) errorBox.current?.focus();
  }, [summary, problems]);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((prev) => ({ ...prev, [k]: v }));
  const setOption = (i: number, o: Partial<OptionDraft>) => setD((prev) => ({ ...prev, options: prev.options.map((x, j) => (j === i ? { ...x, ...o } : x)) }));
  const fid = (path: string) => `${id}-${path.replace(/\./g, '-')}`;
  const problem = (path: string) => problems.find((p) => p.path === path)?.message;
  const label = (path: string): string => {
    const m = /^options\.(\d+)\.(\w+)$/.exec(path);
    if (m) return `${t('admin.customFields.form.option', { n: Number(m[1]) + 1 })} — ${t(`admin.customFields.form.${m[2] === 'code' ? 'optionCode' : m[2] === 'labelEn' ? 'optionLabelEn' : 'optionLabelIt'}`)}`;
    const known: Record<string, string> = {
      min: boundLabel('min'), max: boundLabel('max'), fieldClass: t('admin.customFields.form.fieldClass'), options: t('admin.customFields.form.options'),
    };
    if (known[path]) return known[path];
    const key = `admin.customFields.form.${path}`;
    return t(key as 'admin.customFields.form.key', { defaultValue: path });
  };
  function boundLabel(which: 'min' | 'max'): string {
    const kind = d.type === 'number' ? 'Value' : d.type === 'multi_choice' ? 'Choices' : 'Length';
    return t(`admin.customFields.form.${which}${kind}` as 'admin.customFields.form.minValue');
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = inputOf(d, field);
    const checked = fieldsUpsert.input.safeParse(input);
    if (!checked.success) {
      const lang = currentLanguage();
      setProblems(
        checked.error.issues.map((i) => ({
          path: i.path.map(String).join('.'),
          message: fieldMessageText(i.message, lang) ?? fieldMessageText(i.code, lang) ?? t('validation.invalid'),
        })),
      );
      setSummary(t('admin.customFields.errorsTitle'));
      return;
    }
    try {
      await upsert.mutateAsync(input);
      onClose();
    } catch (err) {
      setProblems(isApiError(err) ? err.details : []);
      setSummary(isApiError(err) ? err.message : t('errors.unexpected'));
    }
  };

  /** id, aria-invalid and aria-describedby (the field's error first, then any hint) of a control. */
  const inputProps = (path: string, ...hints: (string | false | undefined)[]) => {
    const err = problem(path);
    const describedBy = [err && `${fid(path)}-error`, ...hints].filter(Boolean).join(' ') || undefined;
    return { id: fid(path), 'aria-invalid': err ? true : undefined, 'aria-describedby': describedBy };
  };
  const errorOf = (path: string) => {
    const err = problem(path);
    return err ? <div id={`${fid(path)}-error`} className="invalid-feedback d-block">{err}</div> : null;
  };
  const textInput = (path: keyof Draft & string, opts: { required?: boolean; type?: string; readOnly?: boolean; hint?: ReactNode } = {}) => (
    <div className="form-group">
      <label htmlFor={fid(path)} className="active">
        {label(path)}
        {opts.required && <span aria-hidden="true"> *</span>}
      </label>
      <input
        {...inputProps(path, !!opts.hint && `${fid(path)}-hint`)}
        type={opts.type ?? 'text'}
        className={`form-control${problem(path) ? ' is-invalid' : ''}`}
        value={String(d[path])}
        required={opts.required}
        aria-required={opts.required || undefined}
        readOnly={opts.readOnly}
        onChange={(e) => set(path, e.target.value as never)}
      />
      {opts.hint && <small id={`${fid(path)}-hint`} className="form-text">{opts.hint}</small>}
      {errorOf(path)}
    </div>
  );

  const title = field ? t('admin.customFields.edit', { label: field.labelIt }) : t('admin.customFields.new');
  return (
    <section className="card card-bg p-4 my-3" aria-labelledby={`${id}-h`} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2 id={`${id}-h`} className="h4" tabIndex={-1} ref={heading}>{title}</h2>
      <p className="small">{t('common.requiredNote')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {summary !== null && (
          <div className="alert alert-danger" role="alert" tabIndex={-1} ref={errorBox} aria-labelledby={`${id}-summary`}>
            <p id={`${id}-summary`} className="mb-0">{summary}</p>
            {problems.length > 0 && (
              <ul className="mb-0 mt-2">
                {problems.map((p) => (
                  <li key={`${p.path}:${p.message}`}>
                    <a href={`#${fid(p.path)}`}>{label(p.path)}: {p.message}</a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}

        <div className="row">
          <div className="col-12 col-md-6 select-wrapper mb-4">
            <label htmlFor={fid('target')}>{label('target')}</label>
            <select {...inputProps('target', !!field && `${id}-fixed`)} value={d.target} disabled={!!field} onChange={(e) => set('target', e.target.value as CustomFieldTarget)}>
              {customFieldTargets.map((v) => <option key={v} value={v}>{t(`admin.customFields.targets.${v}`)}</option>)}
            </select>
            {errorOf('target')}
          </div>
          <div className="col-12 col-md-6">{textInput('appliesTo', { hint: t('admin.customFields.form.appliesToHint') })}</div>
        </div>
        {textInput('key', { required: true, readOnly: !!field, hint: field ? t('admin.customFields.form.fixed') : t('admin.customFields.form.keyHint') })}
        <div className="row">
          <div className="col-12 col-md-6">{textInput('labelIt', { required: true })}</div>
          <div className="col-12 col-md-6">{textInput('labelEn')}</div>
          <div className="col-12 col-md-6">{textInput('helpIt')}</div>
          <div className="col-12 col-md-6">{textInput('helpEn')}</div>
        </div>
        <div className="select-wrapper mb-4">
          <label htmlFor={fid('type')}>{label('type')}</label>
          <select {...inputProps('type', !!field && `${id}-fixed`)} value={d.type} disabled={!!field} onChange={(e) => set('type', e.target.value as CustomFieldType)}>
            {customFieldTypes.map((v) => <option key={v} value={v}>{t(`admin.customFields.types.${v}`)}</option>)}
          </select>
          {field && <small id={`${id}-fixed`} className="form-text">{t('admin.customFields.form.fixed')}</small>}
          {errorOf('type')}
        </div>

        {isChoice(d.type) && (
          <fieldset className="mb-4" tabIndex={-1} {...inputProps('options')}>
            <legend className="h6">{label('options')}</legend>
            {errorOf('options')}
            {d.options.map((o, i) => (
              <div key={i} className="row align-items-end border-bottom mb-2">
                <div className="col-12 col-md-3">{optionInput(i, 'code')}</div>
                <div className="col-12 col-md-4">{optionInput(i, 'labelIt')}</div>
                <div className="col-12 col-md-3">{optionInput(i, 'labelEn')}</div>
                <div className="col-12 col-md-2 mb-3">
                  {o.saved ? (
                    <div className="form-check">
                      <input id={fid(`options.${i}.archived`)} type="checkbox" checked={o.archived} onChange={(e) => setOption(i, { archived: e.target.checked })} />
                      <label htmlFor={fid(`options.${i}.archived`)}>
                        {t('admin.customFields.form.optionArchived')}<span className="visually-hidden"> {t('admin.customFields.form.option', { n: i + 1 })}</span>
                      </label>
                    </div>
                  ) : (
                    <button type="button" className="btn btn-link btn-xs p-0" onClick={() => setD((prev) => ({ ...prev, options: prev.options.filter((_, j) => j !== i) }))}>
                      {t('admin.customFields.form.removeOption')}<span className="visually-hidden"> {t('admin.customFields.form.option', { n: i + 1 })}</span>
                    </button>
                  )}
                </div>
              </div>
            ))}
            <button type="button" className="btn btn-outline-primary btn-xs" onClick={() => set('options', [...d.options, { code: '', labelIt: '', labelEn: '', archived: false, saved: false }])}>
              {t('admin.customFields.form.addOption')}
            </button>
          </fieldset>
        )}

        {hasBounds(d.type) && (
          <div className="row">
            <div className="col-6">{textInput('min', { type: 'number' })}</div>
            <div className="col-6">{textInput('max', { type: 'number' })}</div>
          </div>
        )}
        {d.type === 'date' && (
          <div className="row">
            <div className="col-6">{textInput('minDate', { type: 'date' })}</div>
            <div className="col-6">{textInput('maxDate', { type: 'date' })}</div>
          </div>
        )}
        {d.type === 'text' && textInput('pattern', { hint: t('admin.customFields.form.patternHint') })}

        <fieldset className="mb-4" tabIndex={-1} {...inputProps('fieldClass', `${id}-class-note`)}>
          <legend className="h6">{label('fieldClass')} <span aria-hidden="true">*</span></legend>
          <p id={`${id}-class-note`} className="small mb-2">{t('admin.customFields.form.fieldClassNote')}</p>
          {errorOf('fieldClass')}
          {profileFieldClasses.map((c) => {
            const locked = !!field && !classChangeAllowed(field.fieldClass, c);
            return (
              <div key={c} className="form-check">
                <input
                  id={fid(`fieldClass-${c}`)}
                  type="radio"
                  name={`${id}-fieldClass`}
                  value={c}
                  checked={d.fieldClass === c}
                  disabled={locked}
                  aria-describedby={`${fid(`fieldClass-${c}`)}-help`}
                  onChange={() => set('fieldClass', c)}
                />
                <label htmlFor={fid(`fieldClass-${c}`)}>
                  {t(`admin.classes.${c}`)}
                  {locked && <span className="small"> — {t('admin.customFields.form.classLocked')}</span>}
                </label>
                <small id={`${fid(`fieldClass-${c}`)}-help`} className="form-text d-block ms-4">{t(`admin.customFields.classHelp.${c}`)}</small>
              </div>
            );
          })}
        </fieldset>

        <div className="form-check mb-3">
          <input id={fid('required')} type="checkbox" checked={d.required} onChange={(e) => set('required', e.target.checked)} />
          <label htmlFor={fid('required')}>{t('admin.customFields.form.required')}</label>
        </div>
        <div className="row">
          <div className="col-12 col-md-4">{textInput('position', { type: 'number' })}</div>
          <div className="col-6 col-md-4">{textInput('validFrom', { type: 'date' })}</div>
          <div className="col-6 col-md-4">{textInput('validTo', { type: 'date' })}</div>
        </div>
        {field && (
          <div className="form-check mb-3">
            <input id={fid('archived')} type="checkbox" checked={d.archived} onChange={(e) => set('archived', e.target.checked)} />
            <label htmlFor={fid('archived')}>{t('admin.customFields.form.archived')}</label>
          </div>
        )}
        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-primary" disabled={upsert.isPending}>{t('admin.save')}</button>
          <button type="button" className="btn btn-outline-secondary" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </section>
  );

  function optionInput(i: number, k: 'code' | 'labelIt' | 'labelEn') {
    const path = `options.${i}.${k}`;
    const o = d.options[i]!;
    const required = k !== 'labelEn';
    return (
      <div className="form-group mb-2">
        <label htmlFor={fid(path)} className="active">
          {label(path)}
          {required && <span aria-hidden="true"> *</span>}
        </label>
        <input
          {...inputProps(path)}
          className={`form-control${problem(path) ? ' is-invalid' : ''}`}
          value={o[k]}
          required={required}
          aria-required={required || undefined}
          readOnly={k === 'code' && o.saved}
          onChange={(e) => setOption(i, { [k]: e.target.value })}
        />
        {errorOf(path)}
      </div>
    );
  }
}
