import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMasked, type PrivacyView } from '@siso/shared';
import { call } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { downloadWireFile } from '../../../lib/files';
import { ErrorNotice } from '../../common/components/ErrorNotice';

/** The notices given (newest first), each with its signed form when one was filed. */
export function NoticesList({ notices }: { notices: PrivacyView['notices'] }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  if (notices.length === 0) return <p>{t('privacy.notices.none')}</p>;
  const download = async (id: string) => {
    setError(null);
    try {
      downloadWireFile(await call('attachments.get', { id }));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      {error !== null && <ErrorNotice error={error} />}
      <div className="table-responsive">
        <table className="table table-sm">
          <caption className="visually-hidden">{t('privacy.notices.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('privacy.notices.givenOn')}</th>
              <th scope="col">{t('privacy.notices.where')}</th>
              <th scope="col">{t('privacy.form.mode')}</th>
              <th scope="col">{t('privacy.form.signerKind')}</th>
              <th scope="col">{t('privacy.notices.document')}</th>
            </tr>
          </thead>
          <tbody>
            {notices.map((n) => (
              <tr key={n.id}>
                <td>{formatDate(n.givenOn)}</td>
                <td>
                  {n.enteName}
                  {n.deskOfficeName && <span className="d-block small">{n.deskOfficeName}</span>}
                  <span className="d-block small text-secondary">{t('privacy.recordedBy', { name: n.recordedByName })}</span>
                </td>
                <td>{t(`privacy.modes.${n.mode}`)}</td>
                <td>
                  {t(`privacy.signers.${n.signerKind}`)}
                  {isMasked(n.representative) ? (
                    <span className="d-block small">{t('persons.masked')}</span>
                  ) : (
                    n.representative && <span className="d-block small">{`${n.representative.surname} ${n.representative.name}`}</span>
                  )}
                </td>
                <td>
                  {n.document ? (
                    <button type="button" className="btn btn-link btn-xs p-0" onClick={() => void download(n.document!.id)}>
                      {t('privacy.notices.download')}
                      <span className="visually-hidden"> {n.document.filename}</span>
                    </button>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
