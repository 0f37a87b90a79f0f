import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../lib/api';
import { ErrorNotice } from '../common/components/ErrorNotice';
import { Loading } from '../common/components/Loading';
import { downloadWireFile } from '../../lib/files';
import { formatDate } from '../../lib/format';
import { ConsentsList } from './components/ConsentsList';
import { NoticesList } from './components/NoticesList';
import { RecordPrivacyForm } from './components/RecordPrivacyForm';
import { usePrivacy } from './hooks/usePrivacy';

/**
 * Privacy of a person at the desk (issue 5, point 3): whether the notice was given for the actor's
 * ente, the notices with their signed forms, the optional consents in force and withdrawn, and — as
 * the server's abilities allow — recording a notice and consents, withdrawing a consent, printing the
 * forms to sign. Social services process data under law and public interest (GDPR art. 6(1)(e),
 * 9(2)(b)(g)(h)), so the notice is recorded as given, not as a consent.
 * An anonymous person may sign too: the signed form is what lets the operator complete the identity
 * (siso-original §5.1 step 3), so after recording it the panel points to the person's page.
 */
export function PrivacyPanel({ personId, intakeId }: { personId: string; intakeId?: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const privacy = usePrivacy(personId);
  const [recording, setRecording] = useState(false);
  // Whether the notice being recorded is for a person still anonymous: then the hint to identify them.
  const [forAnonymous, setForAnonymous] = useState(false);
  const [identifyHint, setIdentifyHint] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [printError, setPrintError] = useState<unknown>(null);
  const [printing, setPrinting] = useState(false);
  if (privacy.isPending) return <Loading />;
  if (privacy.isError) return <ErrorNotice error={privacy.error} onRetry={() => void privacy.refetch()} />;
  const p = privacy.data;
  const latest = p.notices[0];
  const can = (a: string) => p.abilities.includes(a);
  const print = async () => {
    setPrintError(null);
    setPrinting(true);
    try {
      downloadWireFile(await call('consents.print', { personId }));
    } catch (e) {
      setPrintError(e);
    } finally {
      setPrinting(false);
    }
  };
  const status =
    p.status === 'signed' && latest
      ? t('privacy.status.signed', { date: formatDate(latest.givenOn) })
      : t(`privacy.status.${p.status === 'signed' ? 'signedUndated' : p.status}`);
  return (
    <section aria-labelledby={titleId} className="my-3">
      <h2 id={titleId} className="h4">{t('privacy.title')}</h2>
      <p>
        <span className={`badge ${p.status === 'signed' ? 'bg-success' : p.status === 'anonymous' ? 'bg-secondary' : 'bg-warning text-dark'} me-2`}>{t(`privacy.badge.${p.status}`)}</span>
        {status}
      </p>
      <div role="status" aria-live="polite" className={announce ? 'alert alert-success' : 'visually-hidden'}>
        {announce}
        {/* In the same live region, so the hint is heard with the confirmation (WCAG 4.1.3). */}
        {announce && identifyHint && (
          <p className="mb-0 mt-2">
            {t('privacy.identifyHint')} <Link to={`/persone/${personId}`}>{t('privacy.identifyLink')}</Link>
          </p>
        )}
      </div>
      {printError !== null && <ErrorNotice error={printError} />}
      <div className="d-flex flex-wrap gap-2 mb-3">
        {can('consents.record') && !recording && (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={() => {
              setAnnounce('');
              setIdentifyHint(false);
              setForAnonymous(p.status === 'anonymous');
              setRecording(true);
            }}
          >
            {t('privacy.record')}
          </button>
        )}
        {can('consents.print') && (
          <button type="button" className="btn btn-outline-primary btn-sm" disabled={printing} onClick={() => void print()}>
            {printing ? t('common.loading') : t('privacy.print')}
          </button>
        )}
      </div>
      {recording && (
        <RecordPrivacyForm
          personId={personId}
          intakeId={intakeId}
          consentTypes={p.consentTypes}
          onClose={() => setRecording(false)}
          onDone={(m) => {
            setRecording(false);
            setAnnounce(m);
            setIdentifyHint(forAnonymous);
          }}
        />
      )}
      <h3 className="h5 mt-3">{t('privacy.notices.title')}</h3>
      <NoticesList notices={p.notices} />
      <h3 className="h5 mt-3">{t('privacy.consents.title')}</h3>
      <ConsentsList
        consents={p.consents}
        onDone={(m) => {
          setIdentifyHint(false);
          setAnnounce(m);
        }}
      />
    </section>
  );
}
