import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IntakeView } from '@siso/shared';
import { ErrorSummary } from '../../../persons/components/form/ErrorSummary';
import { PersonSearchForm, type PersonSearch } from '../../../persons/components/PersonSearchForm';
import { useCreatePerson, useFindPersons } from '../../../persons/hooks/usePersons';
import { useFormFailure } from '../../../persons/hooks/useFormFailure';
import { usePermission } from '../../../session/hooks/useSession';
import { useSectionSave } from '../../hooks/useSectionSave';
import { sectionAnchor } from '../../lib/sectionAnchor';
import { PersonPickList } from '../PersonPickList';
import { UserSummary } from '../UserSummary';

/**
 * Utente (issue 5, point 2): search first in the registry (issue 4), then choose a person, create a
 * new one, or record the user as anonymous (a person with a generated code, identified later). The
 * choice is saved at once.
 */
export function UserSection({ intake, canSave }: { intake: IntakeView | null; canSave: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState<PersonSearch | null>(null);
  const find = useFindPersons(search ? { q: search.q || undefined, birthDate: search.birthDate || undefined } : null);
  const createPerson = useCreatePerson();
  const canCreatePerson = usePermission('persons.create');
  const { save, pending } = useSectionSave(intake);
  const failure = useFormFailure();
  const [saved, setSaved] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  const token = find.data?.searchToken ?? null;
  const title = t('intake.sections.user');

  const choose = async (personId: string) => {
    setSaved(false);
    try {
      await save('user', { personId });
      failure.clear();
      setSearch(null);
      setSaved(true);
      status.current?.focus();
    } catch (err) {
      failure.failWith(err);
    }
  };
  const anonymous = async () => {
    if (!token) return;
    try {
      const person = await createPerson.mutateAsync({ searchToken: token, identity: 'anonymous' });
      await choose(person.id);
    } catch (err) {
      failure.failWith(err);
    }
  };

  return (
    <section id={sectionAnchor('user')} tabIndex={-1} aria-labelledby={`${sectionAnchor('user')}-title`} className="intake-section mb-5">
      <h2 id={`${sectionAnchor('user')}-title`} className="h4">{title}</h2>
      <ErrorSummary issues={failure.issues} error={failure.failure} prefix="ia-user" labelOf={(p) => p} attempt={failure.attempt} />
      {intake?.person ? <UserSummary intake={intake} /> : <p>{t('intake.user.none')}</p>}
      <p ref={status} tabIndex={-1} role="status" className={saved ? 'text-success fw-semibold' : 'visually-hidden'}>
        {saved ? t('intake.form.sectionSaved', { section: title }) : ''}
      </p>
      {canSave && (
        <div className="mt-3">
          <h3 className="h6">{t(intake?.person ? 'intake.user.change' : 'intake.user.searchTitle')}</h3>
          <PersonSearchForm initial={search ?? { q: '', birthDate: '' }} onSearch={(s) => (s.q === search?.q && s.birthDate === search.birthDate ? void find.refetch() : setSearch(s))} />
          {search && (
            <>
              <PersonPickList items={find.isFetching ? null : (find.data?.items ?? null)} loading={find.isFetching} onPick={(id) => void choose(id)} disabled={pending} />
              {token && canCreatePerson && !find.isFetching && (
                <div className="d-flex flex-wrap gap-2 mt-3">
                  <button type="button" className="btn btn-outline-primary" onClick={() => void anonymous()} disabled={pending || createPerson.isPending}>
                    {t('intake.user.anonymous')}
                  </button>
                  <Link className="btn btn-outline-secondary" to="/persone/nuova" state={{ searchToken: token, q: search.q, birthDate: search.birthDate }}>
                    {t('intake.user.newPerson')}
                  </Link>
                </div>
              )}
              {token && canCreatePerson && <p className="small mt-2">{t('intake.user.newPersonHint')}</p>}
            </>
          )}
        </div>
      )}
    </section>
  );
}
