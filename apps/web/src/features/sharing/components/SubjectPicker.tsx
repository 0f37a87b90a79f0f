import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { grantSubjectKinds, type GrantSubject } from '@siso/shared';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { useDebounced } from '../../persons/hooks/useDebounced';
import { useGrantSubjects } from '../hooks/useGrants';

type SubjectKind = (typeof grantSubjectKinds)[number];

interface SubjectPickerProps {
  value: GrantSubject | null;
  onChange: (subject: GrantSubject | null) => void;
  error?: string | undefined;
}

/**
 * With whom to share: an operator, an office or an ente (radio buttons), then a search by name and the
 * matches as radio buttons with where they work — never an id on screen. Keyboard: Tab into each group,
 * arrows inside it, as native radio groups do.
 */
export function SubjectPicker({ value, onChange, error }: SubjectPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<SubjectKind>(value?.kind ?? 'operator');
  const [q, setQ] = useState('');
  const settled = useDebounced(q.trim());
  const found = useGrantSubjects(settled ? { kind, q: settled } : { kind });
  const items = found.data?.items ?? [];
  return (
    <fieldset className="mb-4" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="h6">
        {t('sharing.form.subject')}
        <span aria-hidden="true"> *</span>
      </legend>
      <div role="radiogroup" aria-label={t('sharing.form.subjectKind')} className="d-flex flex-wrap gap-4 mb-2">
        {grantSubjectKinds.map((k) => (
          <div key={k} className="form-check form-check-inline my-1">
            <input
              id={`${id}-kind-${k}`}
              type="radio"
              name={`${id}-kind`}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                onChange(null);
              }}
            />
            <label htmlFor={`${id}-kind-${k}`}>{t(`sharing.subjectKinds.${k}`)}</label>
          </div>
        ))}
      </div>
      <div className="form-group mt-4 mb-2">
        <label htmlFor={`${id}-q`} className="active">
          {t(`sharing.form.search.${kind}`)}
        </label>
        <input id={`${id}-q`} type="search" className="form-control" value={q} autoComplete="off" onChange={(e) => setQ(e.target.value)} />
      </div>
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block mb-2" role="alert">
          {error}
        </div>
      )}
      {found.isPending && <Loading />}
      {found.isError && <ErrorNotice error={found.error} onRetry={() => void found.refetch()} />}
      {found.data && items.length === 0 && <p>{t('sharing.form.noResults')}</p>}
      {items.length > 0 && (
        <div role="radiogroup" aria-label={t('sharing.form.results')} className="subject-results">
          {items.map((s) => (
            <div key={s.id} className="form-check my-1">
              <input id={`${id}-${s.id}`} type="radio" name={`${id}-subject`} checked={value?.id === s.id} onChange={() => onChange(s)} />
              <label htmlFor={`${id}-${s.id}`}>
                {s.name}
                {s.detail && <span className="d-block small text-secondary">{s.detail}</span>}
              </label>
            </div>
          ))}
        </div>
      )}
    </fieldset>
  );
}
