import { useTranslation } from 'react-i18next';
import type { FiscalCodeKind } from '@siso/shared';

interface PersonFlagsProps {
  deceased?: boolean;
  protected?: boolean;
  anonymous?: boolean;
  fiscalCodeKind?: FiscalCodeKind | null;
  /** A limited preview of someone outside the actor's scope. */
  outOfScope?: boolean;
}

/** Badges: deceased, protected, anonymous, temporary code, STP/ENI, outside one's scope. */
export function PersonFlags(p: PersonFlagsProps) {
  const { t } = useTranslation();
  const badges: { key: string; label: string; className: string }[] = [];
  if (p.outOfScope) badges.push({ key: 'scope', label: t('persons.flags.outOfScope'), className: 'bg-secondary' });
  if (p.deceased) badges.push({ key: 'deceased', label: t('persons.flags.deceased'), className: 'bg-dark' });
  if (p.protected) badges.push({ key: 'protected', label: t('persons.flags.protected'), className: 'bg-danger' });
  if (p.anonymous) badges.push({ key: 'anonymous', label: t('persons.flags.anonymous'), className: 'bg-warning text-dark' });
  if (p.fiscalCodeKind === 'temporary') badges.push({ key: 'temporary', label: t('persons.flags.temporary'), className: 'bg-warning text-dark' });
  if (p.fiscalCodeKind === 'stp' || p.fiscalCodeKind === 'eni') badges.push({ key: 'stp', label: t(`persons.flags.${p.fiscalCodeKind}`), className: 'bg-info text-dark' });
  if (badges.length === 0) return null;
  return (
    <span className="d-inline-flex flex-wrap gap-1">
      {badges.map((b) => (
        <span key={b.key} className={`badge ${b.className}`}>
          {b.label}
        </span>
      ))}
    </span>
  );
}
