import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceRequestStatuses } from '@siso/shared';
import type { ServiceRequestView } from '@siso/shared';
import { call } from '../../../lib/api';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { ErrorSummary } from '../../persons/components/form/ErrorSummary';
import { FormScopeProvider, SelectInput, TextInput } from '../../persons/components/form/fields';
import { useFormFailure } from '../../persons/hooks/useFormFailure';
import { useValueText } from '../../persons/hooks/useValueText';
import { usePermission } from '../../session/hooks/useSession';
import { useDynamicText } from '../hooks/useDynamicText';
import { useUpdateServiceRequest } from '../hooks/useIntake';
import { downloadWireFile } from '../../../lib/files';
import { formatSize } from '../lib/formatSize';

/** One service request: what was asked, its state, its files; the status can be moved on in place. */
export function ServiceRequestItem({ request: r }: { request: ServiceRequestView }) {
  const { t } = useTranslation();
  const tx = useDynamicText();
  const { text } = useValueText();
  const update = useUpdateServiceRequest();
  const canDownloadFiles = usePermission('attachments.get');
  const failure = useFormFailure();
  const [status, setStatus] = useState<string>(r.status);
  const [minutes, setMinutes] = useState(String(r.minutesWorked));
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const prefix = `ia-sr-${r.id.slice(0, 8)}`;
  const canUpdate = r.abilities.includes('serviceRequests.update');
  // A file is readable by whoever reads its request (the server checks on each download): the
  // request's abilities list its own writes only, so the session's permission decides the control.
  const canDownload = canDownloadFiles;
  const download = async (id: string) => {
    setDownloadError(null);
    try {
      downloadWireFile(await call('attachments.get', { id }));
    } catch (err) {
      setDownloadError(err);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const m = Number(minutes);
    if (!/^\d+$/.test(minutes.trim())) return failure.fail([{ path: 'minutesWorked', message: t('intake.validation.invalid') }]);
    try {
      await update.mutateAsync({ id: r.id, version: r.version, status: status as ServiceRequestView['status'], minutesWorked: m });
      failure.clear();
      setSaved(true);
    } catch (err) {
      failure.failWith(err);
    }
  };
  return (
    <li className="card card-bg p-3 mb-3" data-testid="service-request">
      <h3 className="h6 mb-1">{r.serviceLabel}</h3>
      <p className="small mb-2">
        <span className="badge bg-primary me-2">{tx(`intake.enums.requestStatus.${r.status}`)}</span>
        {t('intake.requests.minutes', { count: r.minutesWorked })} · {t('intake.requests.by', { name: r.createdByName })}
      </p>
      <p className="mb-2">{text(r.notes)}</p>
      {r.attachments.length > 0 && (
        <ul aria-label={t('intake.requests.attachments')}>
          {r.attachments.map((a) => (
            <li key={a.id}>
              {canDownload ? (
                <button type="button" className="btn btn-link p-0" onClick={() => void download(a.id)}>
                  {t('intake.requests.download', { name: a.filename })}
                </button>
              ) : (
                a.filename
              )}{' '}
              <span className="small">({a.mediaType}, {formatSize(a.sizeBytes)})</span>
            </li>
          ))}
        </ul>
      )}
      {downloadError !== null && <ErrorNotice error={downloadError} />}
      {canUpdate && (
        <form onSubmit={(e) => void submit(e)} noValidate className="mt-2" aria-label={t('intake.requests.updateLabel', { service: r.serviceLabel })}>
          <ErrorSummary issues={failure.issues} error={failure.failure} prefix={prefix} labelOf={(p) => tx(`intake.fields.requests.${p.split('.')[0]}`, { defaultValue: p })} attempt={failure.attempt} />
          {failure.conflict && <p className="text-danger" role="alert">{t('intake.form.conflict')}</p>}
          <FormScopeProvider prefix={prefix} issues={failure.issues}>
            <div className="row align-items-end">
              <div className="col-12 col-md-4">
                <SelectInput path="status" label={t('intake.fields.requests.status')} value={status} onChange={setStatus} options={serviceRequestStatuses.map((s) => ({ value: s, label: tx(`intake.enums.requestStatus.${s}`) }))} />
              </div>
              <div className="col-12 col-md-4">
                <TextInput path="minutesWorked" inputMode="numeric" label={t('intake.fields.requests.minutesWorked')} value={minutes} onChange={setMinutes} />
              </div>
              <div className="col-12 col-md-4 mb-4">
                <button type="submit" className="btn btn-outline-primary" disabled={update.isPending}>{t('intake.requests.update')}</button>
              </div>
            </div>
          </FormScopeProvider>
          <p role="status" className={saved ? 'text-success small' : 'visually-hidden'}>{saved ? t('intake.requests.updated') : ''}</p>
        </form>
      )}
    </li>
  );
}
