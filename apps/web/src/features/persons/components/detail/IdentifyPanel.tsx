import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeFiscalCode } from '@siso/shared';
import type { PersonView } from '@siso/shared';
import { useFormFailure } from '../../hooks/useFormFailure';
import { useUpdatePerson } from '../../hooks/usePersons';
import { decodeFiscalCode, fiscalCodeDisagreements } from '../../lib/fiscalCodePrefill';
import { todayIso } from '../../lib/format';
import { ErrorSummary } from '../form/ErrorSummary';
import { usePathLabel } from '../form/PersonForm';
import { FormScopeProvider, SelectInput, TextInput } from '../form/fields';
import { useFieldName } from '../useFieldName';
import { ConflictNotice } from './ConflictNotice';
import { Panel } from './Panel';

interface Props {
  person: PersonView;
  onClose: () => void;
  onSaved: (p: PersonView) => void;
  onReload: () => void;
}

/** "Identifica" an anonymous person: names (and the fiscal code if known) through persons.update `identify`. */
export function IdentifyPanel({ person, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const labelOf = usePathLabel();
  const [v, setV] = useState({ surname: '', name: '', sex: '' as '' | 'M' | 'F', birthDate: '', fiscalCode: '' });
  const set = (patch: Partial<typeof v>) => setV((s) => ({ ...s, ...patch }));
  const update = useUpdatePerson();
  const f = useFormFailure();
  const today = todayIso();
  const d = decodeFiscalCode(v.fiscalCode, today);
  const disagree = d.status === 'valid' ? fiscalCodeDisagreements(v.fiscalCode, { ...v, birthPlaceCode: null }) : [];
  const onCode = (raw: string) => {
    const dd = decodeFiscalCode(raw, today);
    set({ fiscalCode: raw, ...(dd.status === 'valid' && !v.sex && dd.sex ? { sex: dd.sex } : {}), ...(dd.status === 'valid' && !v.birthDate && dd.birthDates.length === 1 ? { birthDate: dd.birthDates[0] } : {}) });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = [
      ...(!v.surname.trim() ? [{ path: 'surname', message: t('persons.validation.required') }] : []),
      ...(!v.name.trim() ? [{ path: 'name', message: t('persons.validation.required') }] : []),
      ...(d.status !== 'empty' && d.status !== 'valid' ? [{ path: 'fiscalCode', message: t('persons.validation.fiscalCode') }] : []),
    ];
    if (local.length) return f.fail(local);
    try {
      const saved = await update.mutateAsync({
        id: person.id, version: person.version, identify: true, surname: v.surname.trim(), name: v.name.trim(),
        ...(v.sex ? { sex: v.sex } : {}), ...(v.birthDate ? { birthDate: v.birthDate } : {}), ...(d.status === 'valid' ? { fiscalCode: normalizeFiscalCode(v.fiscalCode) } : {}),
      });
      onSaved(saved);
    } catch (err) {
      f.failWith(err);
    }
  };

  return (
    <Panel title={t('persons.identify.title')} onClose={onClose}>
      <p>{t('persons.identify.intro', { code: person.anonymousCode ?? '' })}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary prefix="id" issues={f.issues} error={f.failure} labelOf={labelOf} attempt={f.attempt} />
        {f.conflict && <ConflictNotice onReload={onReload} />}
        <FormScopeProvider prefix="id" issues={f.issues}>
          <TextInput path="fiscalCode" label={t('persons.fields.fiscalCode')} value={v.fiscalCode} onChange={onCode} maxLength={22} autoComplete="off" hint={t('persons.identify.codeHint')} />
          <div aria-live="polite">{disagree.length > 0 && <div className="alert alert-warning">{t('persons.identity.disagree', { fields: disagree.map(fieldName).join(', ') })}</div>}</div>
          <div className="row">
            <div className="col-md-6"><TextInput path="surname" label={t('persons.fields.surname')} value={v.surname} onChange={(x) => set({ surname: x })} required maxLength={100} /></div>
            <div className="col-md-6"><TextInput path="name" label={t('persons.fields.name')} value={v.name} onChange={(x) => set({ name: x })} required maxLength={100} /></div>
            <div className="col-md-6"><SelectInput path="sex" label={t('persons.fields.sex')} value={v.sex} onChange={(x) => set({ sex: x as '' | 'M' | 'F' })} options={[{ value: 'F', label: t('persons.sex.F') }, { value: 'M', label: t('persons.sex.M') }]} /></div>
            <div className="col-md-6"><TextInput path="birthDate" type="date" label={t('persons.fields.birthDate')} value={v.birthDate} onChange={(x) => set({ birthDate: x })} /></div>
          </div>
        </FormScopeProvider>
        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-primary" disabled={update.isPending}>{t('persons.identify.submit')}</button>
          <button type="button" className="btn btn-outline-secondary" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Panel>
  );
}
