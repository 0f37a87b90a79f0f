import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '@siso/shared';
import { useFormFailure } from '../../hooks/useFormFailure';
import { useUpdatePerson } from '../../hooks/usePersons';
import { validatePersonForm } from '../../lib/formErrors';
import { todayIso } from '../../lib/format';
import { changedFields, formFromView } from '../../lib/personForm';
import { ErrorSummary } from '../form/ErrorSummary';
import { PersonForm, usePathLabel } from '../form/PersonForm';
import { ConflictNotice } from './ConflictNotice';
import { Panel } from './Panel';

interface Props {
  person: PersonView;
  onClose: () => void;
  onSaved: (p: PersonView) => void;
  onReload: () => void;
}

/**
 * "Modifica dati" (persons.update with the version read): only changed, readable fields are sent. On
 * 409 the operator keeps what they typed, reloads the person and saves again.
 */
export function EditPersonPanel({ person, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const today = todayIso();
  const [{ state: initial, masked }] = useState(() => formFromView(person, today));
  const [state, setState] = useState(initial);
  const update = useUpdatePerson();
  const f = useFormFailure();
  const labelOf = usePathLabel();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = validatePersonForm(state, today, { creating: false, masked }).map((i) => ({ path: i.path, message: t(`persons.validation.${i.code}`) }));
    if (local.length) return f.fail(local);
    const changes = changedFields(initial, state, masked);
    if (Object.keys(changes).length === 0) return onClose();
    try {
      onSaved(await update.mutateAsync({ id: person.id, version: person.version, ...changes }));
    } catch (err) {
      f.failWith(err);
    }
  };

  return (
    <Panel title={t('persons.edit.title')} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="small">{t('persons.edit.intro')}</p>
        <ErrorSummary issues={f.issues} error={f.failure} labelOf={labelOf} attempt={f.attempt} />
        {f.conflict && <ConflictNotice onReload={onReload} />}
        <PersonForm state={state} setState={setState} creating={false} masked={masked} issues={f.issues} />
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
