import { useTranslation } from 'react-i18next';
import { isMasked, type TransferSnapshot } from '@siso/shared';
import { formatDate } from '../../../lib/format';

type Key = keyof TransferSnapshot;
const order: Key[] = ['number', 'accessDate', 'accessMode', 'accessReason', 'interlocutorType', 'userSurname', 'userName', 'userFiscalCode', 'userBirthDate', 'description', 'needs', 'requestedServices', 'outcome', 'operatorName', 'operatorEmail', 'officePhone'];

/**
 * The access data of a scheda as it was sent (the destination reads this snapshot, not the original).
 * Fields the destination's profile may not read arrive masked and read "Riservato".
 */
export function TransferSnapshotView({ snapshot }: { snapshot: TransferSnapshot }) {
  const { t } = useTranslation();
  const text = (key: Key): string => {
    const v: unknown = snapshot[key];
    if (isMasked(v)) return t('desk.masked');
    if (v === null || v === undefined || v === '') return '—';
    if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
    if (key === 'accessDate' || key === 'userBirthDate') return formatDate(String(v));
    if (key === 'accessMode') return t(`desk.accessModes.${snapshot.accessMode!}`);
    if (key === 'accessReason') return t(`desk.accessReasons.${snapshot.accessReason!}`);
    if (key === 'interlocutorType') return t(`desk.interlocutorTypes.${snapshot.interlocutorType!}`);
    if (key === 'outcome') return t(`desk.outcomes.${snapshot.outcome!}`);
    return String(v);
  };
  return (
    <dl className="row">
      {order.map((key) => (
        <div key={key} className="col-12 col-md-6 mb-2">
          <dt className="small">{t(`desk.snapshot.${key}`)}</dt>
          <dd className={`mb-0${isMasked(snapshot[key]) ? ' fst-italic' : ''}`} style={{ whiteSpace: 'pre-wrap' }}>
            {text(key)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
