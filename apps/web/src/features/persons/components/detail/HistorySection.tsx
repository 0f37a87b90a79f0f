import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../lib/format';
import { ErrorNotice } from '../../../common/components/ErrorNotice';
import { Loading } from '../../../common/components/Loading';
import { usePersonHistory } from '../../hooks/usePersons';
import { useFieldName } from '../useFieldName';
import { useFieldValueText } from '../useFieldValueText';

/** "Storia" (issue 4, point 9): every change of registry data — who, when, field old → new. */
export function HistorySection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const value = useFieldValueText();
  const fieldName = useFieldName();
  const history = usePersonHistory(personId);
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />;
  const entries = history.data.pages.flatMap((p) => p.items);
  if (entries.length === 0) return <p>{t('persons.history.none')}</p>;
  return (
    <>
      <ol className="list-unstyled">
        {entries.map((e) => (
          <li key={e.id} className="border-bottom pb-3 mb-3">
            <h3 className="h6 mb-1">
              {formatDateTime(e.at)} — {e.operatorName ?? t('persons.history.system')}
              <span className="badge bg-light text-dark ms-2">{t(`persons.history.sources.${e.source}`)}</span>
            </h3>
            {e.note && <p className="small mb-1">{e.note}</p>}
            {e.changes.length > 0 && (
              <table className="table table-sm mb-0">
                <caption className="visually-hidden">{t('persons.history.caption', { at: formatDateTime(e.at) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('persons.history.field')}</th>
                    <th scope="col">{t('persons.history.before')}</th>
                    <th scope="col">{t('persons.history.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {e.changes.map((c, i) => (
                    <tr key={`${c.field}:${i}`}>
                      <th scope="row" className="fw-normal">{fieldName(c.field)}</th>
                      <td>{value(c.field, c.before)}</td>
                      <td>{value(c.field, c.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ol>
      {history.hasNextPage && (
        <button type="button" className="btn btn-outline-primary btn-sm" disabled={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          {t('common.loadMore')}
        </button>
      )}
    </>
  );
}
