import { useState } from 'react';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IntakeView } from '@siso/shared';
import { call, isApiError } from '../../../lib/api';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { formatDate } from '../../persons/lib/format';
import { useDynamicText } from '../hooks/useDynamicText';
import { useCompleteIntake, useCopyIntake, useRememberIntake } from '../hooks/useIntake';
import { downloadWireFile } from '../../../lib/files';
import { goToSection, sectionAnchor } from '../lib/sectionAnchor';
import { DeleteIntake } from './DeleteIntake';

/**
 * The scheda's heading: number, status, desk, the mandatory sections still missing (links to them),
 * and its actions — complete (422 lists what is missing), print (PDF), send (H4b's dialog), copy into a new scheda, delete.
 */
export function IntakeHeader({ intake, send }: { intake: IntakeView; send?: ReactNode }) {
  const { t } = useTranslation();
  const tx = useDynamicText();
  const complete = useCompleteIntake();
  const copy = useCopyIntake();
  const navigate = useNavigate();
  const remember = useRememberIntake();
  const [error, setError] = useState<unknown>(null);
  const [printing, setPrinting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const can = (a: string) => intake.abilities.includes(a);
  const onComplete = async () => {
    setError(null);
    setNotice(null);
    try {
      remember(await complete.mutateAsync({ id: intake.id, version: intake.version }));
      setNotice(t('intake.header.completed'));
    } catch (err) {
      setError(err);
    }
  };
  // A new scheda of this desk with the person's data (not the visit): opened at once to be completed.
  const onCopy = async () => {
    setError(null);
    setNotice(null);
    try {
      const created = await copy.mutateAsync({ id: intake.id });
      remember(created);
      void navigate(`/sportello/schede/${created.id}`, { state: { notice: t('intake.header.copied', { number: intake.number }) } });
    } catch (err) {
      setError(err);
    }
  };
  const onPrint = async () => {
    setError(null);
    setPrinting(true);
    try {
      downloadWireFile(await call('intakeRecords.print', { id: intake.id }));
    } catch (err) {
      setError(err);
    } finally {
      setPrinting(false);
    }
  };
  const missingFromError = isApiError(error) && error.status === 422 ? error.details : [];
  return (
    <header className="mb-4">
      <div className="d-flex flex-wrap align-items-center gap-2">
        <h1 className="mb-0">{t('intake.header.title', { number: intake.number })}</h1>
        <span className={`badge ${intake.status === 'complete' ? 'bg-success' : 'bg-warning text-dark'}`}>{tx(`intake.enums.status.${intake.status}`)}</span>
      </div>
      <p className="mb-2">
        {t('intake.header.desk', { office: intake.officeName, ente: intake.enteName })} · {t('intake.header.date', { date: formatDate(intake.accessDate) })} · {t('intake.header.operator', { name: intake.operatorName })}
      </p>
      {intake.status !== 'complete' && intake.missingSections.length > 0 && (
        <div className="alert alert-info py-2" role="region" aria-labelledby="intake-missing-title">
          <h2 id="intake-missing-title" className="h6 mb-1">{t('intake.header.missing')}</h2>
          <ul className="mb-0">
            {intake.missingSections.map((m) => (
              <li key={m.section}>
                <a href={`#${sectionAnchor(m.section)}`} onClick={(e) => { e.preventDefault(); goToSection(m.section); }}>
                  {tx(`intake.sections.${m.section}`, { defaultValue: m.section })}
                </a>
                {m.fields.length > 0 && <MissingFields section={m.section} fields={m.fields} />}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="d-flex flex-wrap gap-2">
        {can('intakeRecords.complete') && intake.status !== 'complete' && (
          <button type="button" className="btn btn-primary" onClick={() => void onComplete()} disabled={complete.isPending}>{t('intake.header.complete')}</button>
        )}
        {can('intakeRecords.print') && (
          <button type="button" className="btn btn-outline-primary" onClick={() => void onPrint()} disabled={printing}>{t(printing ? 'intake.header.printing' : 'intake.header.print')}</button>
        )}
        {send}
        {can('intakeRecords.copy') && (
          <button type="button" className="btn btn-outline-primary" onClick={() => void onCopy()} disabled={copy.isPending}>{t('intake.header.copy')}</button>
        )}
        {can('intakeRecords.delete') && <DeleteIntake intake={intake} />}
      </div>
      <div role="status" aria-live="polite">{notice && <div className="alert alert-success mt-3">{notice}</div>}</div>
      {error !== null && (
        <div className="mt-3">
          {missingFromError.length > 0 ? (
            <div className="alert alert-danger" role="alert">
              <p className="fw-semibold">{isApiError(error) ? error.message : ''}</p>
              <ul className="mb-0">
                {missingFromError.map((d) => {
                  const section = d.path.split('.')[0] ?? '';
                  return (
                    <li key={`${d.path}:${d.message}`}>
                      <a href={`#${sectionAnchor(section)}`} onClick={(e) => { e.preventDefault(); goToSection(section); }}>
                        {tx(`intake.sections.${section}`, { defaultValue: d.path })}
                      </a>
                      : {d.message}
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : (
            <ErrorNotice error={error} />
          )}
        </div>
      )}
    </header>
  );
}

/** The missing fields of a section, unless they only repeat the section's name ("Bisogni (Bisogni)"). */
function MissingFields({ section, fields }: { section: string; fields: readonly string[] }) {
  const tx = useDynamicText();
  const sectionLabel = tx(`intake.sections.${section}`, { defaultValue: section });
  const labels = fields.map((f) => tx(`intake.fields.${section}.${f}`, { defaultValue: f })).filter((l) => l !== sectionLabel);
  return labels.length > 0 ? <span className="small"> ({labels.join(', ')})</span> : null;
}
