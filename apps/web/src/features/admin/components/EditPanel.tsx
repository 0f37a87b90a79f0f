import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { FormFields, type FieldSpec, type FormValues } from './FormFields';

interface EditPanelProps {
  title: string;
  fields: FieldSpec[];
  initial: FormValues;
  onSubmit: (values: FormValues) => Promise<unknown>;
  onClose: () => void;
  children?: ReactNode;
}

/**
 * A form for one record, opened in place: focus moves to its heading when it opens and back to the
 * page when it closes; Escape cancels. Errors from the server are shown per field and announced.
 */
export function EditPanel({ title, fields, initial, onSubmit, onClose, children }: EditPanelProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FormValues>(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => heading.current?.focus(), []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card card-bg p-4 my-3" aria-labelledby={headingId} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h3 id={headingId} className="h5" tabIndex={-1} ref={heading}>
        {title}
      </h3>
      <p className="small">{t('common.requiredNote')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {error !== null && <ErrorNotice error={error} />}
        <FormFields fields={fields} values={values} onChange={setValues} error={error} />
        {children}
        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('admin.save')}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
