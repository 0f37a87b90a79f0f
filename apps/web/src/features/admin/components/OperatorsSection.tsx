import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMasked } from '@siso/shared';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { useCreateOperator, useOperators, useOrganisationTree, useProfiles } from '../hooks/useAdmin';
import { assignmentFields, today } from './assignmentFields';
import { EditPanel } from './EditPanel';
import { orNull, type FormValues } from './FormFields';
import { OperatorDetail } from './OperatorDetail';
import { TemporaryPassword } from './TemporaryPassword';

/** Operators of the ambito: search, create with the first assignment, open one to edit. */
export function OperatorsSection({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useOperators(search);
  const tree = useOrganisationTree();
  const profiles = useProfiles();
  const create = useCreateOperator();
  const masked = (v: unknown) => (isMasked(v) ? t('admin.masked') : ((v as string | null) ?? '—'));

  const submit = async (v: FormValues) => {
    const res = await create.mutateAsync({
      username: String(v.username ?? ''), givenName: String(v.givenName ?? ''), familyName: String(v.familyName ?? ''),
      fiscalCode: orNull(v.fiscalCode), email: orNull(v.email),
      assignment: {
        officeId: String(v['assignment.officeId'] ?? ''), professionalType: v['assignment.professionalType'] as 'operatore_sportello',
        validFrom: String(v['assignment.validFrom'] ?? ''), validTo: orNull(v['assignment.validTo']), profileIds: [String(v['assignment.profileIds'] ?? '')],
      },
    });
    setCreated({ username: res.operator.username, password: res.temporaryPassword });
  };

  return (
    <div>
      <form className="row g-2 align-items-end mb-3" role="search" onSubmit={(e) => (e.preventDefault(), setSearch(q.trim()))}>
        <div className="col-12 col-md-6 form-group mb-0">
          <label htmlFor="op-search" className="active">{t('admin.operators.search')}</label>
          <input id="op-search" className="form-control" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="col-auto">
          <button type="submit" className="btn btn-primary">{t('admin.operators.searchButton')}</button>
        </div>
        {canCreate && (
          <div className="col-auto">
            <button type="button" className="btn btn-outline-primary" onClick={() => setCreating(true)}>{t('admin.operators.new')}</button>
          </div>
        )}
      </form>
      {created && <TemporaryPassword username={created.username} password={created.password} onDone={() => setCreated(null)} />}
      {creating && (
        <EditPanel
          title={t('admin.operators.new')}
          fields={[
            { name: 'username', label: t('fields.username'), required: true },
            { name: 'givenName', label: t('admin.fields.givenName'), required: true },
            { name: 'familyName', label: t('admin.fields.familyName'), required: true },
            { name: 'fiscalCode', label: t('admin.fields.fiscalCode') },
            { name: 'email', label: t('admin.fields.email'), type: 'email' },
            ...assignmentFields(t, tree.data, profiles.data, 'assignment.'),
          ]}
          initial={{ 'assignment.validFrom': today(), 'assignment.professionalType': 'operatore_sportello', 'assignment.officeId': '', 'assignment.profileIds': '' }}
          onSubmit={submit}
          onClose={() => setCreating(false)}
        />
      )}
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <div className="table-responsive">
          <table className="table">
            <caption className="visually-hidden">{t('admin.operators.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.fields.familyName')}</th>
                <th scope="col">{t('fields.username')}</th>
                <th scope="col">{t('admin.fields.fiscalCode')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((o) => (
                <tr key={o.id}>
                  <td>{o.familyName} {o.givenName}</td>
                  <td>{o.username}</td>
                  <td>{masked(o.fiscalCode)}</td>
                  <td>
                    {o.locked && <span className="badge bg-danger me-1">{t('admin.operators.locked')}</span>}
                    {o.disabled && <span className="badge bg-secondary me-1">{t('admin.operators.disabled')}</span>}
                    {o.mustChangePassword && <span className="badge bg-warning">{t('admin.operators.mustChange')}</span>}
                  </td>
                  <td>
                    {o.abilities.includes('operators.get') && (
                      <button type="button" className="btn btn-link btn-xs p-0" aria-expanded={openId === o.id} onClick={() => setOpenId(openId === o.id ? null : o.id)}>
                        {t('admin.open')}<span className="visually-hidden"> {o.username}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data.items.length === 0 && <p>{t('admin.operators.none')}</p>}
        </div>
      )}
      {openId && <OperatorDetail id={openId} onClose={() => setOpenId(null)} />}
    </div>
  );
}
