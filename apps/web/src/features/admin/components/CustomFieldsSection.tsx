import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customFieldTargets, type CustomFieldTarget, type FieldDefinitionView } from '@siso/shared';
import { EmptyState } from '../../common/components/EmptyState';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { useCustomFields } from '../hooks/useCustomFields';
import { CustomFieldEditor } from './CustomFieldEditor';

/**
 * "Campi configurabili": the extra fields of the ambito and the region's templates, each with where it
 * appears, its type, its data class and whether it is required. New fields with `fields.upsert`; edit
 * only where the server lists the ability (templates: the system administrator).
 */
export function CustomFieldsSection({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [target, setTarget] = useState<CustomFieldTarget | ''>('');
  const [editing, setEditing] = useState<{ field?: FieldDefinitionView } | null>(null);
  const list = useCustomFields(target || undefined);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <p>{t('admin.customFields.intro')}</p>
      <div className="row g-2 align-items-end mb-3">
        <div className="col-12 col-md-6 select-wrapper">
          <label htmlFor={`${id}-target`}>{t('admin.customFields.filterTarget')}</label>
          <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value as CustomFieldTarget | '')}>
            <option value="">{t('admin.customFields.allTargets')}</option>
            {customFieldTargets.map((v) => <option key={v} value={v}>{t(`admin.customFields.targets.${v}`)}</option>)}
          </select>
        </div>
        {canCreate && (
          <div className="col-auto">
            <button type="button" className="btn btn-outline-primary" onClick={() => setEditing({})}>{t('admin.customFields.new')}</button>
          </div>
        )}
      </div>
      {editing && <CustomFieldEditor key={editing.field?.id ?? 'new'} field={editing.field} onClose={() => setEditing(null)} />}
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <EmptyState title={t('admin.customFields.none')} />}
      {items.length > 0 && (
        <div className="table-responsive">
          <table className="table">
            <caption className="visually-hidden">{t('admin.customFields.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.customFields.label')}</th>
                <th scope="col">{t('admin.customFields.form.target')}</th>
                <th scope="col">{t('admin.customFields.form.type')}</th>
                <th scope="col">{t('admin.customFields.form.fieldClass')}</th>
                <th scope="col">{t('admin.customFields.required')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((f) => (
                <tr key={f.id}>
                  <td>
                    {f.labelIt} <code className="small">{f.key}</code>{' '}
                    {f.ambitoId === null && <span className="badge bg-secondary">{t('admin.customFields.template')}</span>}
                    {f.archived && <span className="badge bg-warning ms-1">{t('admin.tree.archived')}</span>}
                  </td>
                  <td>
                    {t(`admin.customFields.targets.${f.target}`)}
                    {f.appliesTo && <span className="d-block small">{f.appliesTo}</span>}
                  </td>
                  <td>{t(`admin.customFields.types.${f.type}`)}</td>
                  <td>{t(`admin.classes.${f.fieldClass}`)}</td>
                  <td>{f.required ? t('admin.customFields.yes') : t('admin.customFields.no')}</td>
                  <td>
                    {f.abilities.includes('fields.upsert') && (
                      <button type="button" className="btn btn-link btn-xs p-0" onClick={() => setEditing({ field: f })}>
                        {t('admin.edit')}<span className="visually-hidden"> {f.labelIt}</span>
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
