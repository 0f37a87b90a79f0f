import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { useOrganisationTree, useUpsertAmbito, useUpsertContactPoint, useUpsertEnte, useUpsertOffice } from '../hooks/useAdmin';
import { EditPanel } from './EditPanel';
import { orNull, type FormValues } from './FormFields';
import { fieldsFor, initialFor, type Editing } from './organisationForms';

/**
 * The tenancy tree (ambiti → enti → offices → contact points) as nested lists. Each control appears
 * only when the record's `abilities` include the action (the UI never re-derives a rule).
 */
export function OrganisationTree() {
  const { t } = useTranslation();
  const tree = useOrganisationTree();
  const [editing, setEditing] = useState<Editing | null>(null);
  const ambito = useUpsertAmbito();
  const ente = useUpsertEnte();
  const office = useUpsertOffice();
  const cp = useUpsertContactPoint();
  if (tree.isPending) return <Loading />;
  if (tree.isError) return <ErrorNotice error={tree.error} onRetry={() => void tree.refetch()} />;

  const save = (e: Editing) => async (v: FormValues) => {
    const key = e.record ? { id: e.record.id, version: e.record.version } : {};
    const name = String(v.name ?? '');
    if (e.kind === 'ambito') return ambito.mutateAsync({ ...key, code: String(v.code ?? ''), name });
    if (e.kind === 'ente') {
      return ente.mutateAsync({
        ...key, ambitoId: e.parentId, name, kind: v.kind as 'comune', fiscalCode: orNull(v.fiscalCode), belfioreCode: orNull(v.belfioreCode),
        istatCode: orNull(v.istatCode), isCapofila: v.isCapofila === true,
      });
    }
    if (e.kind === 'office') {
      return office.mutateAsync({ ...key, enteId: e.parentId, name, type: v.type as 'sportello_accoglienza', email: orNull(v.email), phone: orNull(v.phone), archived: v.archived === true });
    }
    return cp.mutateAsync({ ...key, officeId: e.parentId, name, address: orNull(v.address), openingHours: orNull(v.openingHours) });
  };
  const btn = (label: string, target: Editing, srLabel: string) => (
    <button type="button" className="btn btn-link btn-xs p-0 ms-2" onClick={() => setEditing(target)}>
      {label}
      <span className="visually-hidden"> {srLabel}</span>
    </button>
  );
  const panel = (match: (e: Editing) => boolean) =>
    editing && match(editing) ? (
      <EditPanel
        title={t(`admin.tree.${editing.record ? 'edit' : 'new'}.${editing.kind}`)}
        fields={fieldsFor(editing.kind, t)}
        initial={initialFor(editing)}
        onSubmit={save(editing)}
        onClose={() => setEditing(null)}
      />
    ) : null;
  const data = tree.data;

  return (
    <div>
      {data.abilities.includes('ambiti.upsert') && (
        <button type="button" className="btn btn-outline-primary btn-sm mb-3" onClick={() => setEditing({ kind: 'ambito' })}>
          {t('admin.tree.new.ambito')}
        </button>
      )}
      {panel((e) => e.kind === 'ambito' && !e.record)}
      <ul className="list-unstyled" aria-label={t('admin.tree.label', { regione: data.regione.name })}>
        {data.ambiti.map((a) => (
          <li key={a.id} className="mb-4">
            <h2 className="h4">
              {a.name} <span className="badge bg-secondary">{a.code}</span>
              {a.abilities.includes('ambiti.upsert') && btn(t('admin.edit'), { kind: 'ambito', record: a }, a.name)}
              {a.abilities.includes('entes.upsert') && btn(t('admin.tree.new.ente'), { kind: 'ente', parentId: a.id }, a.name)}
            </h2>
            {panel((e) => (e.kind === 'ambito' && e.record?.id === a.id) || (e.kind === 'ente' && !e.record && e.parentId === a.id))}
            <ul>
              {a.enti.map((en) => (
                <li key={en.id} className="mb-2">
                  <strong>{en.name}</strong>
                  {en.isCapofila && <span className="badge bg-primary ms-2">{t('admin.tree.capofila')}</span>}
                  {en.abilities.includes('entes.upsert') && btn(t('admin.edit'), { kind: 'ente', parentId: a.id, record: en }, en.name)}
                  {en.abilities.includes('offices.upsert') && btn(t('admin.tree.new.office'), { kind: 'office', parentId: en.id }, en.name)}
                  {panel((e) => (e.kind === 'ente' && e.record?.id === en.id) || (e.kind === 'office' && !e.record && e.parentId === en.id))}
                  <ul>
                    {en.offices.map((o) => (
                      <li key={o.id}>
                        {o.name} <span className="text-muted small">({t(`officeTypes.${o.type}`)})</span>
                        {o.archived && <span className="badge bg-warning ms-2">{t('admin.tree.archived')}</span>}
                        {o.abilities.includes('offices.upsert') && btn(t('admin.edit'), { kind: 'office', parentId: en.id, record: o }, o.name)}
                        {o.abilities.includes('contactPoints.upsert') && btn(t('admin.tree.new.contactPoint'), { kind: 'contactPoint', parentId: o.id }, o.name)}
                        {panel((e) => (e.kind === 'office' && e.record?.id === o.id) || (e.kind === 'contactPoint' && !e.record && e.parentId === o.id))}
                        {o.contactPoints.length > 0 && (
                          <ul>
                            {o.contactPoints.map((c) => (
                              <li key={c.id}>
                                {c.name}
                                {c.address && <span className="small"> — {c.address}</span>}
                                {c.openingHours && <span className="small"> ({c.openingHours})</span>}
                                {c.abilities.includes('contactPoints.upsert') && btn(t('admin.edit'), { kind: 'contactPoint', parentId: o.id, record: c }, c.name)}
                                {panel((e) => e.kind === 'contactPoint' && e.record?.id === c.id)}
                              </li>
                            ))}
                          </ul>
                        )}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
