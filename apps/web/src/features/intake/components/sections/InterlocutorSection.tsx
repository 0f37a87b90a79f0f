import { useTranslation } from 'react-i18next';
import { interlocutorTypes } from '@siso/shared';
import type { IntakeView } from '@siso/shared';
import { FieldError, ReservedField, useField } from '../../../persons/components/form/fields';
import { unmasked } from '../../../persons/lib/format';
import { useDynamicText } from '../../hooks/useDynamicText';
import { usePlainSection } from '../../hooks/usePlainSection';
import { FieldGrid } from '../FieldGrid';
import { SectionForm } from '../SectionForm';

/**
 * Interlocutore (siso-original §3.2): who spoke with the desk. Most often the user: one click sets the
 * type and copies the user's names from the registry.
 */
export function InterlocutorSection({ intake, canSave }: { intake: IntakeView | null; canSave: boolean }) {
  const { t } = useTranslation();
  const tx = useDynamicText();
  const s = usePlainSection('interlocutor', intake);
  const type = typeof s.state.values.type === 'string' ? s.state.values.type : '';
  const f = useField('type');
  const person = intake?.person ?? null;
  const isUser = () => {
    s.set('type', 'user');
    if (!person) return;
    for (const key of ['surname', 'name', 'fiscalCode', 'birthDate'] as const) {
      const v = unmasked(person[key]);
      if (v && !s.state.masked.has(key)) s.set(key, v);
    }
  };
  const hide = type === 'organisation' || type === 'institution' || type === 'judicial_authority' ? ['relationship'] : type === 'user' ? ['relationship', 'organisation', 'role'] : [];
  return (
    <SectionForm section="interlocutor" title={t('intake.sections.interlocutor')} intake={intake} canSave={canSave} build={() => { const b = s.build(); return { input: { interlocutor: b.input }, problems: b.problems }; }}>
      {s.state.masked.has('type') ? (
        <ReservedField label={t('intake.fields.interlocutor.type')} text={t('persons.masked')} />
      ) : (
        <div className="mb-4" role="radiogroup" aria-labelledby={`${f.id}-label`} aria-describedby={f.describedBy}>
          <p id={`${f.id}-label`} className="fw-semibold mb-2">{t('intake.fields.interlocutor.type')}</p>
          <div className="d-flex flex-wrap gap-3 align-items-center">
            {interlocutorTypes.map((o, i) => (
              <div key={o} className="form-check form-check-inline mb-0">
                <input id={i === 0 ? f.id : `${f.id}-${o}`} type="radio" name="interlocutor-type" value={o} checked={type === o} onChange={() => s.set('type', o)} />
                <label htmlFor={i === 0 ? f.id : `${f.id}-${o}`}>{tx(`intake.enums.interlocutorType.${o}`)}</label>
              </div>
            ))}
          </div>
          {canSave && (
            <button type="button" className="btn btn-outline-primary btn-sm mt-2" onClick={isUser}>
              {t('intake.interlocutor.isUser')}
            </button>
          )}
          <FieldError id={f.id} error={f.error} />
        </div>
      )}
      <FieldGrid section="interlocutor" fields={s.fields} state={s.state} onChange={s.set} hide={hide} />
    </SectionForm>
  );
}
