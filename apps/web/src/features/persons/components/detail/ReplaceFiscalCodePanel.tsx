import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeFiscalCode } from '@siso/shared';
import type { PersonView } from '@siso/shared';
import { useFormFailure } from '../../hooks/useFormFailure';
import { useReplaceFiscalCode } from '../../hooks/usePersons';
import { decodeFiscalCode, fiscalCodeDisagreements } from '../../lib/fiscalCodePrefill';
import { todayIso, unmasked } from '../../lib/format';
import { ErrorSummary } from '../form/ErrorSummary';
import { FormScopeProvider, TextArea, TextInput } from '../form/fields';
import { useFieldName } from '../useFieldName';
import { ConflictNotice } from './ConflictNotice';
import { Panel } from './Panel';

interface Props {
  person: PersonView;
  onClose: () => void;
  onSaved: (p: PersonView) => void;
  onReload: () => void;
}

/**
 * "Sostituisci codice fiscale" (persons.replaceFiscalCode): the temporary (or wrong) code is replaced
 * by the definitive one everywhere, in one audited operation with a reason.
 */
export function ReplaceFiscalCodePanel({ person, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const replace = useReplaceFiscalCode();
  const f = useFormFailure();
  const d = decodeFiscalCode(code, todayIso());
  const disagree =
    d.status === 'valid'
      ? fiscalCodeDisagreements(code, { surname: unmasked(person.surname) ?? '', name: unmasked(person.name) ?? '', sex: unmasked(person.sex) ?? '', birthDate: unmasked(person.birthDate) ?? '', birthPlaceCode: null })
      : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = [
      ...(d.status === 'empty' ? [{ path: 'fiscalCode', message: t('persons.validation.required') }] : d.status !== 'valid' ? [{ path: 'fiscalCode', message: t('persons.validation.fiscalCode') }] : []),
      ...(reason.trim().length < 5 ? [{ path: 'reason', message: t('persons.validation.reason') }] : []),
    ];
    if (local.length) return f.fail(local);
    try {
      onSaved(await replace.mutateAsync({ id: person.id, version: person.version, fiscalCode: normalizeFiscalCode(code), reason: reason.trim() }));
    } catch (err) {
      f.failWith(err);
    }
  };

  return (
    <Panel title={t('persons.replace.title')} onClose={onClose}>
      <p>{t('persons.replace.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary prefix="rf" issues={f.issues} error={f.failure} labelOf={(p) => (p === 'reason' ? t('persons.replace.reason') : t('persons.replace.newCode'))} attempt={f.attempt} />
        {f.conflict && <ConflictNotice onReload={onReload} />}
        <FormScopeProvider prefix="rf" issues={f.issues}>
          <TextInput path="fiscalCode" label={t('persons.replace.newCode')} value={code} onChange={setCode} required maxLength={22} autoComplete="off" spellCheck={false} className="col-md-6 px-0" />
          <div aria-live="polite">
            {disagree.length > 0 && <div className="alert alert-warning">{t('persons.identity.disagree', { fields: disagree.map(fieldName).join(', ') })}</div>}
          </div>
          <TextArea path="reason" label={t('persons.replace.reason')} value={reason} onChange={setReason} required maxLength={500} hint={t('persons.replace.reasonHint')} />
        </FormScopeProvider>
        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-primary" disabled={replace.isPending}>
            {t('persons.replace.submit')}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Panel>
  );
}
