import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '@siso/shared';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { useProfiles } from '../hooks/useAdmin';
import { ProfileEditor } from './ProfileEditor';

/** The ambito's profiles and the region's templates; new profiles start empty or from a template. */
export function ProfilesSection({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const profiles = useProfiles();
  const [editing, setEditing] = useState<{ profile?: ProfileView; template?: ProfileView } | null>(null);
  if (profiles.isPending) return <Loading />;
  if (profiles.isError) return <ErrorNotice error={profiles.error} onRetry={() => void profiles.refetch()} />;
  const data = profiles.data;
  return (
    <div>
      {canCreate && (
        <button type="button" className="btn btn-outline-primary btn-sm mb-3" onClick={() => setEditing({})}>
          {t('admin.profiles.new')}
        </button>
      )}
      {editing && <ProfileEditor key={editing.profile?.id ?? editing.template?.id ?? 'new'} {...editing} grantable={data.grantable} maxScope={data.maxScope} onClose={() => setEditing(null)} />}
      <table className="table">
        <caption className="visually-hidden">{t('admin.profiles.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.fields.name')}</th>
            <th scope="col">{t('admin.fields.scope')}</th>
            <th scope="col">{t('admin.profiles.permissionsCount')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((p) => (
            <tr key={p.id}>
              <td>
                {p.name} {p.ambitoId === null && <span className="badge bg-secondary">{t('admin.profiles.template')}</span>}
                {p.archived && <span className="badge bg-warning ms-1">{t('admin.tree.archived')}</span>}
              </td>
              <td>{t(`admin.scopes.${p.scope}`)}</td>
              <td>{p.permissions.length}</td>
              <td className="d-flex gap-2">
                {p.abilities.includes('profiles.upsert') && (
                  <button type="button" className="btn btn-link btn-xs p-0" onClick={() => setEditing({ profile: p })}>
                    {t('admin.edit')}<span className="visually-hidden"> {p.name}</span>
                  </button>
                )}
                {canCreate && p.ambitoId === null && (
                  <button type="button" className="btn btn-link btn-xs p-0" onClick={() => setEditing({ template: p })}>
                    {t('admin.profiles.copy')}<span className="visually-hidden"> {p.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
