import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '@siso/shared';
import { useFormFailure } from '../../hooks/useFormFailure';
import { useUpdatePerson } from '../../hooks/usePersons';
import { dayBefore, formatDate, todayIso } from '../../lib/format';
import { emptyAddress, newAddressInput } from '../../lib/personForm';
import { AddressFields } from '../form/AddressFields';
import { ErrorSummary } from '../form/ErrorSummary';
import { usePathLabel } from '../form/PersonForm';
import { FormScopeProvider } from '../form/fields';
import { ConflictNotice } from './ConflictNotice';
import { Panel } from './Panel';

interface Props {
  person: PersonView;
  kind: 'residence' | 'domicile';
  onClose: () => void;
  onSaved: (p: PersonView) => void;
  onReload: () => void;
}

/** "Nuova residenza / Nuovo domicilio": persons.update with `newAddress`; the current one ends the day before. */
export function NewAddressPanel({ person, kind, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => emptyAddress(todayIso()));
  const update = useUpdatePerson();
  const f = useFormFailure();
  const labelOf = usePathLabel();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = [!draft.street.trim() && 'street', !draft.place && 'place', !draft.validFrom && 'validFrom'].filter((x): x is string => Boolean(x));
    if (missing.length) return f.fail(missing.map((m) => ({ path: `newAddress.${m}`, message: t('persons.validation.required') })));
    try {
      onSaved(await update.mutateAsync({ id: person.id, version: person.version, newAddress: newAddressInput(kind, draft) }));
    } catch (err) {
      f.failWith(err);
    }
  };

  return (
    <Panel title={t(`persons.address.new.${kind}`)} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="small">{draft.validFrom ? t('persons.address.closesPrevious', { date: formatDate(dayBefore(draft.validFrom)) }) : t('common.requiredNote')}</p>
        <ErrorSummary issues={f.issues} error={f.failure} labelOf={labelOf} attempt={f.attempt} />
        {f.conflict && <ConflictNotice onReload={onReload} />}
        <FormScopeProvider prefix="pf" issues={f.issues}>
          <AddressFields path="newAddress" kind={kind} legend={t(`persons.addressKinds.${kind}`)} value={draft} onChange={setDraft} required />
        </FormScopeProvider>
        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-primary" disabled={update.isPending}>
            {t(update.isPending ? 'persons.form.saving' : 'persons.form.save')}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Panel>
  );
}
