import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { useDebounced } from '../../persons/hooks/useDebounced';
import { useDesks } from '../hooks/useDesks';
import { groupDesks } from '../lib/groupDesks';

interface DeskPickerProps {
  value: string;
  onChange: (officeId: string, label: string) => void;
  exceptOfficeId: string;
  error?: string | undefined;
}

/**
 * The destination of a send: a search box and the desks found, as radio buttons grouped by ambito and
 * ente (one fieldset each, so a screen reader announces where a desk belongs).
 */
export function DeskPicker({ value, onChange, exceptOfficeId, error }: DeskPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const settled = useDebounced(q.trim());
  const desks = useDesks('destinations', settled);
  const groups = groupDesks(desks.data?.pages.flatMap((p) => p.items) ?? [], exceptOfficeId);
  return (
    <fieldset className="mb-3" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="h6">
        {t('desk.send.destination')}
        <span aria-hidden="true"> *</span>
      </legend>
      <div className="form-group mt-4 mb-2">
        <label htmlFor={`${id}-q`} className="active">
          {t('desk.send.searchDesk')}
        </label>
        <input id={`${id}-q`} type="search" className="form-control" value={q} autoComplete="off" onChange={(e) => setQ(e.target.value)} />
      </div>
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block mb-2" role="alert">
          {error}
        </div>
      )}
      {desks.isPending && <Loading />}
      {desks.isError && <ErrorNotice error={desks.error} onRetry={() => void desks.refetch()} />}
      {desks.data && groups.length === 0 && <p>{t('desk.send.noDesks')}</p>}
      <div>
        {groups.map((g) => (
          <fieldset key={g.key} className="mb-2">
            <legend className="small fw-semibold mb-1">{g.ambitoName ? `${g.ambitoName} — ${g.enteName}` : g.enteName}</legend>
            {g.desks.map((d) => (
              <div key={d.officeId} className="form-check my-1">
                <input
                  id={`${id}-${d.officeId}`}
                  type="radio"
                  name={`${id}-dest`}
                  value={d.officeId}
                  checked={value === d.officeId}
                  onChange={() => onChange(d.officeId, `${d.officeName} (${d.enteName})`)}
                />
                <label htmlFor={`${id}-${d.officeId}`}>
                  {d.officeName}
                  <span className="d-block small text-secondary">{t(`desk.kinds.${d.kind}`)}</span>
                </label>
              </div>
            ))}
          </fieldset>
        ))}
      </div>
      {desks.hasNextPage && (
        <button type="button" className="btn btn-outline-primary btn-sm" disabled={desks.isFetchingNextPage} onClick={() => void desks.fetchNextPage()}>
          {desks.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </fieldset>
  );
}
