import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { availabilities } from '@siso/shared';
import type { HouseholdGroupView, householdGroupKinds } from '@siso/shared';
import { useFormFailure } from '../../hooks/useFormFailure';
import { useUpdateHousehold } from '../../hooks/usePersons';
import { draftsFromGroup, emptyMember, memberInput, validateMembers, type MemberDraft } from '../../lib/household';
import { CodeListSelect } from '../form/CodeListSelect';
import { ErrorSummary } from '../form/ErrorSummary';
import { CheckInput, FormScopeProvider, SelectInput, TextInput } from '../form/fields';
import { ConflictNotice } from './ConflictNotice';
import { MemberPicker } from './MemberPicker';
import { Panel } from './Panel';

interface Props {
  personId: string;
  kind: (typeof householdGroupKinds)[number];
  group: HouseholdGroupView | null;
  onClose: () => void;
  onReload: () => void;
}

/** Edits one group (nucleo, familiari, rete): members, kinship (ANPR), cohabiting, responsibility, availability. */
export function HouseholdEditor({ personId, kind, group, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const reserved = t('persons.masked');
  const [members, setMembers] = useState<MemberDraft[]>(() => (group ? draftsFromGroup(group, reserved) : []));
  const [livesAlone, setLivesAlone] = useState(group?.livesAlone === true);
  const update = useUpdateHousehold();
  const f = useFormFailure();
  const prefix = `hh-${kind}`;
  const change = (key: string, patch: Partial<MemberDraft>) => setMembers((list) => list.map((m) => (m.key === key ? { ...m, ...patch } : m)));
  const labelOf = (path: string) => {
    const [, i, field] = path.split('.');
    const who = t('persons.household.memberN', { n: Number(i) + 1 });
    return field ? `${who} — ${t(`persons.household.fields.${field}` as 'persons.household.fields.relationship', { defaultValue: field })}` : path;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = validateMembers(members).map((i) => ({ path: i.path, message: t(i.code === 'dates' ? 'persons.validation.dates' : 'persons.validation.required') }));
    if (local.length) return f.fail(local);
    try {
      await update.mutateAsync({ personId, kind, livesAlone, members: members.map(memberInput), ...(group ? { groupId: group.id, version: group.version } : {}) });
      onClose();
    } catch (err) {
      f.failWith(err);
    }
  };

  return (
    <Panel title={t(`persons.household.edit.${kind}`)} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary prefix={prefix} issues={f.issues} error={f.failure} labelOf={labelOf} attempt={f.attempt} />
        {f.conflict && <ConflictNotice onReload={onReload} />}
        <FormScopeProvider prefix={prefix} issues={f.issues}>
          {kind === 'household' && <CheckInput path="livesAlone" label={t('persons.household.livesAlone')} checked={livesAlone} onChange={setLivesAlone} />}
          {members.map((m, i) => (
            <fieldset key={m.key} className="border rounded p-3 mb-3">
              <legend className="h6 fw-semibold w-auto px-1">
                {t('persons.household.memberN', { n: i + 1 })}: {m.personId ? m.personLabel : m.masked.includes('displayName') ? reserved : m.displayName || '—'}
              </legend>
              <div className="row">
                {!m.personId && !m.masked.includes('displayName') && (
                  <div className="col-md-6"><TextInput path={`members.${i}.displayName`} label={t('persons.household.fields.displayName')} value={m.displayName} onChange={(v) => change(m.key, { displayName: v })} required maxLength={200} /></div>
                )}
                <div className="col-md-6">
                  <CodeListSelect list="anpr.relazione_parentela" path={`members.${i}.relationship`} label={t('persons.household.fields.relationship')} value={m.relationship} onChange={(v) => change(m.key, { relationship: v })} required />
                </div>
                <div className="col-md-6">
                  <SelectInput path={`members.${i}.availability`} label={t('persons.household.fields.availability')} value={m.availability} onChange={(v) => change(m.key, { availability: v as MemberDraft['availability'] })} options={availabilities.map((a) => ({ value: a, label: t(`persons.household.availability.${a}`) }))} />
                </div>
                {!m.masked.includes('contact') && <div className="col-md-6"><TextInput path={`members.${i}.contact`} label={t('persons.household.fields.contact')} value={m.contact} onChange={(v) => change(m.key, { contact: v })} maxLength={200} /></div>}
                {!m.masked.includes('note') && <div className="col-md-6"><TextInput path={`members.${i}.note`} label={t('persons.household.fields.note')} value={m.note} onChange={(v) => change(m.key, { note: v })} maxLength={500} /></div>}
                <div className="col-md-3"><TextInput path={`members.${i}.validFrom`} type="date" label={t('persons.household.fields.validFrom')} value={m.validFrom} onChange={(v) => change(m.key, { validFrom: v })} /></div>
                <div className="col-md-3"><TextInput path={`members.${i}.validTo`} type="date" label={t('persons.household.fields.validTo')} value={m.validTo} onChange={(v) => change(m.key, { validTo: v })} /></div>
              </div>
              <CheckInput path={`members.${i}.cohabiting`} label={t('persons.household.fields.cohabiting')} checked={m.cohabiting} onChange={(v) => change(m.key, { cohabiting: v })} />
              <CheckInput path={`members.${i}.parentalResponsibility`} label={t('persons.household.fields.parentalResponsibility')} checked={m.parentalResponsibility} onChange={(v) => change(m.key, { parentalResponsibility: v })} />
              <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setMembers((list) => list.filter((x) => x.key !== m.key))}>
                {t('persons.form.remove')}<span className="visually-hidden"> {t('persons.household.memberN', { n: i + 1 })}</span>
              </button>
            </fieldset>
          ))}
        </FormScopeProvider>
        {members.length < 40 && (
          <MemberPicker
            exclude={[personId, ...members.map((m) => m.personId).filter((x): x is string => Boolean(x))]}
            onPick={(p) => setMembers((list) => [...list, emptyMember(p)])}
            onFreeText={(name) => setMembers((list) => [...list, emptyMember({ personId: null, displayName: name })])}
          />
        )}
        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-primary" disabled={update.isPending}>{t(update.isPending ? 'persons.form.saving' : 'persons.form.save')}</button>
          <button type="button" className="btn btn-outline-secondary" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Panel>
  );
}
