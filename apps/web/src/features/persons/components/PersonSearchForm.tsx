import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormScopeProvider, TextInput } from './form/fields';

export interface PersonSearch {
  q: string;
  birthDate: string;
}

/**
 * Search first (issue 4, point 1): one box for a fiscal code or words of surname and name, and an
 * optional birth date. At least two characters or a birth date are needed (as the server says).
 */
export function PersonSearchForm({ initial, onSearch }: { initial: PersonSearch; onSearch: (s: PersonSearch) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(initial.q);
  const [birthDate, setBirthDate] = useState(initial.birthDate);
  const [empty, setEmpty] = useState(false);
  // Back and forward change the search in the address: the boxes follow.
  useEffect(() => {
    setQ(initial.q);
    setBirthDate(initial.birthDate);
  }, [initial.q, initial.birthDate]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const query = q.trim();
    if (query.replace(/\s/g, '').length < 2 && !birthDate) {
      setEmpty(true);
      document.getElementById('ps-q')?.focus();
      return;
    }
    setEmpty(false);
    onSearch({ q: query, birthDate });
  };
  return (
    <form role="search" aria-label={t('persons.search.label')} onSubmit={submit} noValidate className="mb-4">
      <FormScopeProvider prefix="ps" issues={empty ? [{ path: 'q', message: t('persons.search.tooShort') }] : []}>
        <div className="row align-items-start">
          <div className="col-12 col-lg-6">
            <TextInput path="q" type="search" label={t('persons.search.q')} hint={t('persons.search.qHint')} value={q} onChange={setQ} maxLength={120} autoComplete="off" spellCheck={false} />
          </div>
          <div className="col-12 col-sm-6 col-lg-3">
            <TextInput path="birthDate" type="date" label={t('persons.search.birthDate')} value={birthDate} onChange={setBirthDate} />
          </div>
          <div className="col-12 col-sm-6 col-lg-3 pt-lg-4">
            <button type="submit" className="btn btn-primary w-100">
              {t('persons.search.submit')}
            </button>
          </div>
        </div>
      </FormScopeProvider>
    </form>
  );
}
