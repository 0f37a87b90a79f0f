import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isMasked } from '@siso/shared';
import type { IntakeView } from '@siso/shared';
import { ErrorSummary } from '../../../persons/components/form/ErrorSummary';
import { CheckInput, FormScopeProvider, TextArea } from '../../../persons/components/form/fields';
import { useFormFailure } from '../../../persons/hooks/useFormFailure';
import { useCreateIntakeNote } from '../../hooks/useIntake';
import { sectionAnchor } from '../../lib/sectionAnchor';
import { ReservedText } from '../../../break-glass/components/ReservedText';

const PREFIX = 'ia-note';

/**
 * Diario (siso-original §10.3.2): dated notes; a private note is read by its author, the desk's head
 * and holders of reserved notes only; others see that it exists, not what it says.
 */
export function DiarySection({ intake }: { intake: IntakeView }) {
  const { t, i18n } = useTranslation();
  const create = useCreateIntakeNote();
  const failure = useFormFailure();
  const [text, setText] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const [saved, setSaved] = useState(false);
  const done = useRef<HTMLParagraphElement>(null);
  const id = sectionAnchor('diary');
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'it-IT', { timeZone: 'Europe/Rome', dateStyle: 'short', timeStyle: 'short' });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!text.trim()) return failure.fail([{ path: 'text', message: t('intake.validation.required') }]);
    try {
      await create.mutateAsync({ intakeId: intake.id, text: text.trim(), private: isPrivate });
      failure.clear();
      setText('');
      setPrivate(false);
      setSaved(true);
      done.current?.focus();
    } catch (err) {
      failure.failWith(err);
    }
  };
  return (
    <section id={id} tabIndex={-1} aria-labelledby={`${id}-title`} className="intake-section mb-5">
      <h2 id={`${id}-title`} className="h4">{t('intake.sections.diary')}</h2>
      {intake.notes.length === 0 ? (
        <p>{t('intake.diary.none')}</p>
      ) : (
        <ul className="list-unstyled">
          {intake.notes.map((n) => (
            <li key={n.id} className="border-start border-3 ps-3 mb-3">
              <p className="small mb-1">
                {when(n.writtenAt)} · {n.authorName}
                {n.private && <span className="badge bg-secondary ms-2">{t('intake.diary.private')}</span>}
              </p>
              {isMasked(n.text) ? <p className="mb-0"><ReservedText text={t('intake.diary.maskedNote')} field={t('intake.diary.privateOf', { author: n.authorName })} /></p> : <p className="mb-0 text-break" style={{ whiteSpace: 'pre-wrap' }}>{n.text}</p>}
            </li>
          ))}
        </ul>
      )}
      {intake.abilities.includes('intakeNotes.create') && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${PREFIX}-title`}>
          <h3 id={`${PREFIX}-title`} className="h6 mb-4">{t('intake.diary.new')}</h3>
          <ErrorSummary issues={failure.issues} error={failure.failure} prefix={PREFIX} labelOf={() => t('intake.diary.text')} attempt={failure.attempt} />
          <FormScopeProvider prefix={PREFIX} issues={failure.issues}>
            <TextArea path="text" label={t('intake.diary.text')} required value={text} onChange={setText} maxLength={10_000} />
            <CheckInput path="private" label={t('intake.diary.privateLabel')} hint={t('intake.diary.privateHint')} checked={isPrivate} onChange={setPrivate} />
          </FormScopeProvider>
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>{t('intake.diary.add')}</button>
          <p ref={done} tabIndex={-1} role="status" className={saved ? 'text-success fw-semibold mt-2' : 'visually-hidden'}>{saved ? t('intake.diary.added') : ''}</p>
        </form>
      )}
    </section>
  );
}
