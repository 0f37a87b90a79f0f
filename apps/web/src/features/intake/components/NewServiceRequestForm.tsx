import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentMediaTypes, serviceRequestStatuses } from '@siso/shared';
import type { ServiceRequestView } from '@siso/shared';
import { ErrorSummary } from '../../persons/components/form/ErrorSummary';
import { FieldError, FormScopeProvider, SelectInput, TextArea, TextInput, useField } from '../../persons/components/form/fields';
import { useFormFailure } from '../../persons/hooks/useFormFailure';
import { useDynamicText } from '../hooks/useDynamicText';
import { useCreateServiceRequest, useServiceCatalogue } from '../hooks/useIntake';
import { attachmentIssues } from '../lib/attachmentIssues';
import { fileToAttachment } from '../../../lib/files';

const PREFIX = 'ia-newsr';

/**
 * A new service request with its files. Files are read in the browser as base64 (JSON wire
 * contract); their type, size and content are checked by the server, whose errors show by the field.
 */
export function NewServiceRequestForm({ intakeId }: { intakeId: string }) {
  const { t } = useTranslation();
  const tx = useDynamicText();
  const catalogue = useServiceCatalogue();
  const create = useCreateServiceRequest();
  const failure = useFormFailure();
  const [serviceCode, setServiceCode] = useState('');
  const [status, setStatus] = useState<string>('open');
  const [minutes, setMinutes] = useState('0');
  const [notes, setNotes] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [saved, setSaved] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const labelOf = (path: string) => {
    const head = path.split('.')[0] ?? path;
    return head === 'attachments' ? t('intake.fields.requests.attachments') : tx(`intake.fields.requests.${head}`, { defaultValue: path });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const local = [
      ...(serviceCode ? [] : [{ path: 'serviceCode', message: t('intake.validation.required') }]),
      ...(/^\d+$/.test(minutes.trim()) ? [] : [{ path: 'minutesWorked', message: t('intake.validation.invalid') }]),
    ];
    if (local.length) return failure.fail(local);
    try {
      const attachments = await Promise.all(files.map(fileToAttachment));
      await create.mutateAsync({ intakeId, serviceCode, status: status as ServiceRequestView['status'], minutesWorked: Number(minutes), notes: notes.trim() || null, attachments });
      failure.clear();
      setServiceCode('');
      setStatus('open');
      setMinutes('0');
      setNotes('');
      setFiles([]);
      if (fileInput.current) fileInput.current.value = '';
      setSaved(true);
      done.current?.focus();
    } catch (err) {
      const onFiles = attachmentIssues(err, files.map((f) => f.name));
      if (onFiles.length) failure.fail(onFiles);
      else failure.failWith(err);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="border rounded p-3" aria-labelledby={`${PREFIX}-title`}>
      <h3 id={`${PREFIX}-title`} className="h6 mb-4">{t('intake.requests.new')}</h3>
      <ErrorSummary issues={failure.issues} error={failure.failure} prefix={PREFIX} labelOf={labelOf} attempt={failure.attempt} />
      <FormScopeProvider prefix={PREFIX} issues={failure.issues}>
        <div className="row">
          <div className="col-12 col-md-6">
            <SelectInput path="serviceCode" required label={t('intake.fields.requests.serviceCode')} value={serviceCode} onChange={setServiceCode} options={(catalogue.data?.items ?? []).map((s) => ({ value: s.code, label: s.label }))} emptyLabel={catalogue.isPending ? t('common.loading') : '—'} />
          </div>
          <div className="col-12 col-md-3">
            <SelectInput path="status" label={t('intake.fields.requests.status')} value={status} onChange={setStatus} options={serviceRequestStatuses.map((s) => ({ value: s, label: tx(`intake.enums.requestStatus.${s}`) }))} />
          </div>
          <div className="col-12 col-md-3">
            <TextInput path="minutesWorked" inputMode="numeric" label={t('intake.fields.requests.minutesWorked')} value={minutes} onChange={setMinutes} />
          </div>
          <div className="col-12">
            <TextArea path="notes" label={t('intake.fields.requests.notes')} value={notes} onChange={setNotes} />
          </div>
          <div className="col-12">
            <FileField inputRef={fileInput} onFiles={setFiles} />
          </div>
        </div>
      </FormScopeProvider>
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>{t(create.isPending ? 'intake.form.saving' : 'intake.requests.add')}</button>
      <p ref={done} tabIndex={-1} role="status" className={saved ? 'text-success fw-semibold mt-2' : 'visually-hidden'}>{saved ? t('intake.requests.added') : ''}</p>
    </form>
  );
}

function FileField({ inputRef, onFiles }: { inputRef: React.RefObject<HTMLInputElement | null>; onFiles: (f: File[]) => void }) {
  const { t } = useTranslation();
  const f = useField('attachments', true);
  return (
    <div className="form-group">
      <label htmlFor={f.id} className="active d-block">{t('intake.fields.requests.attachments')}</label>
      <input
        ref={inputRef}
        id={f.id}
        type="file"
        multiple
        className="form-control"
        accept={attachmentMediaTypes.join(',')}
        aria-invalid={f.invalid}
        aria-describedby={f.describedBy}
        onChange={(e) => onFiles(Array.from(e.target.files ?? []))}
      />
      <small id={`${f.id}-hint`} className="form-text">{t('intake.requests.filesHint')}</small>
      <FieldError id={f.id} error={f.error} />
    </div>
  );
}
