import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMasked, type AssignmentView } from '@siso/shared';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { useOperator, useOrganisationTree, useProfiles, useResetPassword, useResetTotp, useUnlockOperator, useUpdateOperator } from '../hooks/useAdmin';
import { assignmentFields, today } from './assignmentFields';
import { EditPanel } from './EditPanel';
import { orNull, type FormValues } from './FormFields';
import { TemporaryPassword } from './TemporaryPassword';

type Editing = { kind: 'data' } | { kind: 'assignment'; assignment?: AssignmentView };

/** One operator: data, assignments (validity dates, profiles), unlock, password and TOTP reset — each only with its ability. */
export function OperatorDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const op = useOperator(id);
  const tree = useOrganisationTree();
  const profiles = useProfiles();
  const update = useUpdateOperator();
  const unlock = useUnlockOperator();
  const reset = useResetPassword();
  const resetTotp = useResetTotp();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [temp, setTemp] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (op.isPending) return <Loading />;
  if (op.isError) return <ErrorNotice error={op.error} onRetry={() => void op.refetch()} />;
  const o = op.data;
  const can = (a: string) => o.abilities.includes(a);
  const shown = (v: unknown) => (isMasked(v) ? t('admin.masked') : ((v as string | null) ?? '—'));
  const run = (p: Promise<unknown>) => p.then(() => setError(null), setError);

  const saveData = (v: FormValues) =>
    update.mutateAsync({
      id: o.id, version: o.version, givenName: String(v.givenName ?? ''), familyName: String(v.familyName ?? ''), disabled: v.disabled === true,
      ...(isMasked(o.email) ? {} : { email: orNull(v.email) }),
    });
  const saveAssignment = (a: AssignmentView | undefined) => (v: FormValues) =>
    update.mutateAsync({
      id: o.id, version: o.version,
      assignments: [{
        ...(a ? { id: a.id, version: a.version } : {}), officeId: String(v.officeId ?? ''), professionalType: v.professionalType as 'educatore',
        validFrom: String(v.validFrom ?? ''), validTo: orNull(v.validTo), profileIds: [String(v.profileIds ?? '')],
      }],
    });

  return (
    <section className="card card-bg p-4 my-4" aria-labelledby="op-detail-h">
      <div className="d-flex justify-content-between">
        <h2 id="op-detail-h" className="h4">{o.givenName} {o.familyName} <span className="text-muted h6">({o.username})</span></h2>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onClose}>{t('admin.close')}</button>
      </div>
      <dl className="row">
        <dt className="col-sm-3">{t('admin.fields.fiscalCode')}</dt><dd className="col-sm-9">{shown(o.fiscalCode)}</dd>
        <dt className="col-sm-3">{t('admin.fields.email')}</dt><dd className="col-sm-9">{shown(o.email)}</dd>
        <dt className="col-sm-3">{t('fields.status')}</dt>
        <dd className="col-sm-9">{[o.locked && t('admin.operators.locked'), o.disabled && t('admin.operators.disabled'), o.mustChangePassword && t('admin.operators.mustChange')].filter(Boolean).join(', ') || t('admin.operators.active')}</dd>
        <dt className="col-sm-3">{t('admin.operators.totp')}</dt>
        <dd className="col-sm-9">{t(o.totpEnabled ? 'admin.operators.totpOn' : 'admin.operators.totpOff')}</dd>
      </dl>
      {error !== null && <ErrorNotice error={error} />}
      {temp && <TemporaryPassword username={o.username} password={temp} onDone={() => setTemp(null)} />}
      <div className="d-flex flex-wrap gap-2 mb-3">
        {can('operators.update') && <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing({ kind: 'data' })}>{t('admin.edit')}</button>}
        {can('operators.unlock') && <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void run(unlock.mutateAsync({ id: o.id }))}>{t('admin.operators.unlock')}</button>}
        {can('operators.resetPassword') && (
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => void run(reset.mutateAsync({ id: o.id }).then((r) => setTemp(r.temporaryPassword)))}>
            {t('admin.operators.resetPassword')}
          </button>
        )}
        {can('operators.resetTotp') && (
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => void run(resetTotp.mutateAsync({ id: o.id }))}>
            {t('admin.operators.resetTotp')}
          </button>
        )}
        {can('operators.update') && <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing({ kind: 'assignment' })}>{t('admin.operators.addAssignment')}</button>}
      </div>
      {editing?.kind === 'data' && (
        <EditPanel
          title={t('admin.operators.editData')}
          fields={[
            { name: 'givenName', label: t('admin.fields.givenName'), required: true },
            { name: 'familyName', label: t('admin.fields.familyName'), required: true },
            ...(isMasked(o.email) ? [] : [{ name: 'email', label: t('admin.fields.email'), type: 'email' as const }]),
            { name: 'disabled', label: t('admin.operators.disabled'), type: 'checkbox' },
          ]}
          initial={{ givenName: o.givenName, familyName: o.familyName, email: isMasked(o.email) ? '' : (o.email ?? ''), disabled: o.disabled }}
          onSubmit={saveData}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'assignment' && (
        <EditPanel
          title={t(editing.assignment ? 'admin.operators.editAssignment' : 'admin.operators.addAssignment')}
          fields={assignmentFields(t, tree.data, profiles.data)}
          initial={
            editing.assignment
              ? { officeId: editing.assignment.officeId, professionalType: editing.assignment.professionalType, validFrom: editing.assignment.validFrom, validTo: editing.assignment.validTo ?? '', profileIds: editing.assignment.profiles[0]?.id ?? '' }
              : { officeId: '', professionalType: 'operatore_sportello', validFrom: today(), profileIds: '' }
          }
          onSubmit={saveAssignment(editing.assignment)}
          onClose={() => setEditing(null)}
        />
      )}
      <h3 className="h5">{t('admin.operators.assignments')}</h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('admin.fields.office')}</th>
            <th scope="col">{t('admin.fields.professionalType')}</th>
            <th scope="col">{t('admin.fields.validFrom')}</th>
            <th scope="col">{t('admin.fields.validTo')}</th>
            <th scope="col">{t('admin.fields.profile')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {o.assignments.map((a) => (
            <tr key={a.id}>
              <td>{a.enteName} — {a.officeName}</td>
              <td>{t(`professionalTypes.${a.professionalType}`)}</td>
              <td>{a.validFrom}</td>
              <td>{a.validTo ?? '—'}</td>
              <td>{a.profiles.map((p) => p.name).join(', ')}</td>
              <td>
                {can('operators.update') && (
                  <button type="button" className="btn btn-link btn-xs p-0" onClick={() => setEditing({ kind: 'assignment', assignment: a })}>
                    {t('admin.edit')}<span className="visually-hidden"> {a.officeName}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
