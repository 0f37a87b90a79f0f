import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '@siso/shared';
import { useValueText } from '../../hooks/useValueText';
import { personName } from '../../lib/format';
import { PersonFlags } from '../PersonFlags';

/** The person's name (or anonymous code), fiscal code, flags and holding ente. */
export function PersonHeader({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const { text, reserved } = useValueText();
  const heading = useRef<HTMLHeadingElement>(null);
  // The page's heading arrives after the person is loaded: if the navigation left focus on <main>
  // (the layout found no heading yet), it moves to the heading now.
  useEffect(() => {
    if (document.activeElement?.id === 'main-content') heading.current?.focus();
  }, []);
  return (
    <header className="mb-4">
      <h1 ref={heading} tabIndex={-1} className="mb-2">
        {personName(person) ?? reserved}
      </h1>
      <p className="mb-1">
        <span className="fw-semibold">{t('persons.fields.fiscalCode')}:</span> <span className="font-monospace">{text(person.fiscalCode)}</span>
        {person.fiscalCodeKind && person.fiscalCodeKind !== 'definitive' && <span className="ms-2 small">({t(`persons.fiscalCodeKinds.${person.fiscalCodeKind}`)})</span>}
      </p>
      <p className="mb-2 small text-secondary">{t('persons.detail.heldBy', { ente: person.enteName })}</p>
      <PersonFlags deceased={person.deceased} protected={person.protected} anonymous={person.anonymous} fiscalCodeKind={person.fiscalCodeKind} />
      {person.mergedInto && (
        <div className="alert alert-warning mt-3">
          {t('persons.detail.mergedInto')} <Link to={`/persone/${person.mergedInto}`}>{t('persons.detail.openSurvivor')}</Link>
        </div>
      )}
    </header>
  );
}
