import { useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeSectionsInput, IntakeView } from '@siso/shared';
import { ErrorSummary } from '../../persons/components/form/ErrorSummary';
import { FormScopeProvider } from '../../persons/components/form/fields';
import { useFormFailure } from '../../persons/hooks/useFormFailure';
import { useDynamicText } from '../hooks/useDynamicText';
import { useSectionSave } from '../hooks/useSectionSave';
import type { FieldProblem } from '../lib/sectionValues';
import { sectionAnchor } from '../lib/sectionAnchor';

/** Ids of a section's fields: `ia-<section>-<field path>`, unique on the page (error summaries too). */
export const sectionPrefix = (section: string) => `ia-${section}`;

/** A `section.field` path of the server or of the builders as the section's own field path. */
export function localPath(section: string, path: string): string {
  return path.startsWith(`${section}.`) ? path.slice(section.length + 1) : path;
}

interface SectionFormProps {
  section: string;
  title: string;
  intake: IntakeView | null;
  /** Whether the operator may save (abilities of the scheda, or the permission to create one). */
  canSave: boolean;
  /** The section's input, or the problems the browser found. */
  build: () => { input: IntakeSectionsInput; problems: FieldProblem[] };
  /** Labels a field path in the error summary (default: `intake.fields.<section>.<last name>`). */
  labelOf?: (path: string) => string;
  children: ReactNode;
}

/**
 * One section of the scheda: a fieldset with its legend and its own "Salva sezione" button. Errors of
 * the server (400 details on `section.field` paths) or of the browser show in a summary that takes
 * focus and next to each field; after a save, focus moves to the confirmation (WCAG 3.3.1, 4.1.3).
 */
export function SectionForm({ section, title, intake, canSave, build, labelOf: labelOfField, children }: SectionFormProps) {
  const { t } = useTranslation();
  const tx = useDynamicText();
  const { save, pending } = useSectionSave(intake);
  const failure = useFormFailure();
  const [saved, setSaved] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  const prefix = sectionPrefix(section);
  const labelOf = (path: string) => {
    if (labelOfField) return labelOfField(path);
    const leaf = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;
    return tx(`intake.fields.${section}.${leaf}`, { defaultValue: tx(`intake.sections.${leaf}`, { defaultValue: path }) });
  };
  const issues = failure.issues.map((i) => ({ ...i, path: localPath(section, i.path) }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const { input, problems } = build();
    if (problems.length) return failure.fail(problems.map((p) => ({ path: p.path, message: t(`intake.validation.${p.code}`) })));
    try {
      await save(section, input);
      failure.clear();
      setSaved(true);
      status.current?.focus();
    } catch (err) {
      failure.failWith(err);
    }
  };
  const headingId = `${sectionAnchor(section)}-title`;
  return (
    <section id={sectionAnchor(section)} aria-labelledby={headingId} tabIndex={-1} className="intake-section mb-5">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset disabled={!canSave}>
          <legend className="w-100 mb-3">
            <h2 id={headingId} className="h4 mb-0">{title}</h2>
          </legend>
          <ErrorSummary issues={issues} error={failure.failure} prefix={prefix} labelOf={labelOf} attempt={failure.attempt} />
          {failure.conflict && (
            <div className="alert alert-warning" role="alert">
              <p>{t('intake.form.conflict')}</p>
            </div>
          )}
          <FormScopeProvider prefix={prefix} issues={issues}>
            {children}
          </FormScopeProvider>
          {canSave && (
            <button type="submit" className="btn btn-primary" disabled={pending}>
              {t(pending ? 'intake.form.saving' : 'intake.form.saveSection')}
              <span className="visually-hidden"> {title}</span>
            </button>
          )}
        </fieldset>
      </form>
      <p ref={status} tabIndex={-1} role="status" className={saved ? 'text-success fw-semibold mt-2' : 'visually-hidden'}>
        {saved ? t('intake.form.sectionSaved', { section: title }) : ''}
      </p>
    </section>
  );
}
