import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskView } from '@siso/shared';
import { EmptyState } from '../../common/components/EmptyState';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { useDebounced } from '../../persons/hooks/useDebounced';
import { useDesks } from '../../desk/hooks/useDesks';
import { DeskConfigForm } from './DeskConfigForm';

/**
 * "Sportelli" (administration, issue 5 point 6): the desks of the ambito with their kind and whether
 * they are configured; "Configura" opens the form where the server lists the ability.
 */
export function DesksSection() {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const settled = useDebounced(q.trim());
  const list = useDesks('configure', settled);
  const [editing, setEditing] = useState<DeskView | null>(null);
  const [announce, setAnnounce] = useState('');
  const opener = useRef<HTMLElement | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const close = () => {
    setEditing(null);
    opener.current?.focus();
  };
  const reload = async () => {
    const officeId = editing?.officeId;
    setEditing(null);
    const fresh = await list.refetch();
    const again = fresh.data?.pages.flatMap((p) => p.items).find((d) => d.officeId === officeId);
    if (again) setEditing(again);
  };
  return (
    <div>
      <p>{t('admin.desks.intro')}</p>
      <div role="status" aria-live="polite" className={announce ? 'alert alert-success' : 'visually-hidden'}>
        {announce}
      </div>
      <div className="row mb-3">
        <div className="col-12 col-md-6 form-group mb-0">
          <label htmlFor={`${id}-q`} className="active">
            {t('admin.desks.search')}
          </label>
          <input id={`${id}-q`} type="search" className="form-control" value={q} autoComplete="off" onChange={(e) => setQ(e.target.value)} />
        </div>
      </div>
      {editing && (
        <DeskConfigForm
          key={`${editing.officeId}:${editing.version ?? 'new'}`}
          desk={editing}
          onClose={close}
          onReload={() => void reload()}
          onSaved={(m) => {
            close();
            setAnnounce(m);
          }}
        />
      )}
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <EmptyState title={t('admin.desks.none')} />}
      {items.length > 0 && (
        <div className="table-responsive">
          <table className="table">
            <caption className="visually-hidden">{t('admin.desks.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.desks.table.desk')}</th>
                <th scope="col">{t('admin.desks.table.ente')}</th>
                <th scope="col">{t('admin.desks.table.kind')}</th>
                <th scope="col">{t('admin.desks.table.configured')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.officeId}>
                  <td>{d.officeName}</td>
                  <td>
                    {d.enteName}
                    {d.ambitoName && <span className="d-block small">{d.ambitoName}</span>}
                  </td>
                  <td>
                    {t(`desk.kinds.${d.kind}`)}
                    {d.thematicCode && <code className="small ms-1">{d.thematicCode}</code>}
                  </td>
                  <td>{d.configured ? t('admin.desks.yes') : t('admin.desks.notConfigured')}</td>
                  <td>
                    {d.abilities.includes('desks.configure') && (
                      <button
                        type="button"
                        className="btn btn-link btn-xs p-0"
                        onClick={(e) => {
                          opener.current = e.currentTarget;
                          setAnnounce('');
                          setEditing(d);
                        }}
                      >
                        {t('admin.desks.edit')}
                        <span className="visually-hidden"> {d.officeName} ({d.enteName})</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <button type="button" className="btn btn-outline-primary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
