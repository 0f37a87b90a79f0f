import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IntakeView } from '@siso/shared';
import { useValueText } from '../../persons/hooks/useValueText';
import { formatDate, personName, unmasked } from '../../persons/lib/format';

const privacyBadge: Record<string, string> = { signed: 'bg-success', not_signed: 'bg-warning text-dark', anonymous: 'bg-secondary' };

/** The scheda's user: name (or anonymous code), fiscal code, birth date, privacy status for the ente. */
export function UserSummary({ intake }: { intake: IntakeView }) {
  const { t } = useTranslation();
  const { text, reserved } = useValueText();
  const p = intake.person;
  if (!p) return null;
  const birth = unmasked(p.birthDate);
  return (
    <dl className="row mb-0" data-testid="intake-user">
      <dt className="col-sm-3">{t('intake.user.name')}</dt>
      <dd className="col-sm-9">
        <Link to={`/persone/${p.id}`}>{personName(p) ?? reserved}</Link>
      </dd>
      <dt className="col-sm-3">{t('persons.fields.fiscalCode')}</dt>
      <dd className="col-sm-9">{text(p.fiscalCode)}</dd>
      <dt className="col-sm-3">{t('persons.fields.birthDate')}</dt>
      <dd className="col-sm-9">{birth === undefined ? reserved : formatDate(birth)}</dd>
      <dt className="col-sm-3">{t('intake.user.privacy')}</dt>
      <dd className="col-sm-9">
        {intake.privacyStatus ? <span className={`badge ${privacyBadge[intake.privacyStatus] ?? 'bg-secondary'}`}>{t(`intake.privacyStatus.${intake.privacyStatus}`)}</span> : '—'}
      </dd>
    </dl>
  );
}
