import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '@siso/shared';
import { useFormFailure } from '../../hooks/useFormFailure';
import { useMergePersons, useRememberPerson } from '../../hooks/usePersons';
import { personName } from '../../lib/format';
import { buildMergeRows, initialChoices, takeFromMerged, type MergeChoice, type MergeableField } from '../../lib/mergeChoices';
import { ConflictNotice } from '../detail/ConflictNotice';
import { ErrorSummary } from '../form/ErrorSummary';
import { FormScopeProvider, TextArea } from '../form/fields';
import { useFieldName } from '../useFieldName';
import { useFieldValueText } from '../useFieldValueText';

interface Props {
  survivor: PersonView;
  merged: PersonView;
  onReload: () => void;
}

/**
 * The field-by-field merge (issue 4, point 7): for each field that differs, the value of the person
 * who stays or of the one merged into it; a reason; a confirmation; then persons.merge.
 */
export function MergeForm({ survivor, merged, onReload }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fieldName = useFieldName();
  const value = useFieldValueText();
  const rows = useMemo(() => buildMergeRows(survivor, merged), [survivor, merged]);
  const [choices, setChoices] = useState(() => initialChoices(rows));
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const merge = useMergePersons();
  const remember = useRememberPerson();
  const f = useFormFailure();
  const taken = takeFromMerged(rows, choices);
  const nameA = personName(survivor) ?? t('persons.masked');
  const nameB = personName(merged) ?? t('persons.masked');
  const choose = (field: MergeableField, c: MergeChoice) => setChoices((s) => ({ ...s, [field]: c }));

  const ask = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 5) return f.fail([{ path: 'reason', message: t('persons.validation.reason') }]);
    f.clear();
    setConfirming(true);
  };
  const confirm = async () => {
    try {
      const p = await merge.mutateAsync({ survivorId: survivor.id, survivorVersion: survivor.version, mergedId: merged.id, mergedVersion: merged.version, takeFromMerged: taken, reason: reason.trim() });
      remember(p);
      navigate(`/persone/${p.id}`, { state: { notice: 'merged' } });
    } catch (err) {
      setConfirming(false);
      f.failWith(err);
    }
  };

  return (
    <form onSubmit={ask} noValidate>
      <ErrorSummary prefix="mg" issues={f.issues} error={f.failure} labelOf={() => t('persons.merge.reason')} attempt={f.attempt} />
      {f.conflict && <ConflictNotice onReload={onReload} />}
      <p>{t('persons.merge.howTo', { a: nameA, b: nameB })}</p>
      {rows.map((r) => (
        <fieldset key={r.field} className="merge-row border-bottom pb-2 mb-3" data-same={r.same}>
          <legend className="h6 fw-semibold">{fieldName(r.field)}</legend>
          {r.same ? (
            <p className="mb-0 small">{t('persons.merge.same', { value: value(r.field, r.survivor) })}</p>
          ) : !r.selectable ? (
            <p className="mb-0 small fst-italic">{t('persons.merge.reserved')}</p>
          ) : (
            <div className="row">
              {(['survivor', 'merged'] as const).map((side) => (
                <div key={side} className="col-md-6 form-check">
                  <input type="radio" id={`mg-${r.field}-${side}`} name={`mg-${r.field}`} checked={(choices[r.field] ?? r.defaultChoice) === side} onChange={() => choose(r.field, side)} />
                  <label htmlFor={`mg-${r.field}-${side}`}>
                    <span className="d-block small text-secondary">{side === 'survivor' ? nameA : nameB}<span className="visually-hidden">:</span></span>{' '}
                    {value(r.field, side === 'survivor' ? r.survivor : r.merged)}
                  </label>
                </div>
              ))}
            </div>
          )}
        </fieldset>
      ))}
      <FormScopeProvider prefix="mg" issues={f.issues}>
        <TextArea path="reason" label={t('persons.merge.reason')} value={reason} onChange={setReason} required maxLength={500} hint={t('persons.merge.reasonHint')} />
      </FormScopeProvider>
      {!confirming ? (
        <button type="submit" className="btn btn-primary">{t('persons.merge.submit')}</button>
      ) : (
        <div className="alert alert-warning" role="alertdialog" aria-labelledby="mg-confirm-title" aria-describedby="mg-confirm-text">
          <h2 id="mg-confirm-title" className="h5">{t('persons.merge.confirmTitle')}</h2>
          <p id="mg-confirm-text">{t('persons.merge.confirmText', { a: nameA, b: nameB, count: taken.length })}</p>
          <div className="d-flex gap-2">
            {/* Focus goes to the confirm button when the question appears. */}
            <button type="button" className="btn btn-danger" autoFocus disabled={merge.isPending} onClick={() => void confirm()}>{t('persons.merge.confirm')}</button>
            <button type="button" className="btn btn-outline-secondary" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
          </div>
        </div>
      )}
    </form>
  );
}
