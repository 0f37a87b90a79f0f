import { useTranslation } from 'react-i18next';
import type { DeskCounters } from '@siso/shared';
import { formatInteger } from '../../../lib/format';
import { counterEntries } from '../lib/period';

/** The desk's counters for a period as a definition list (label, then number). */
export function CountersList({ counters }: { counters: DeskCounters }) {
  const { t } = useTranslation();
  return (
    <dl className="row g-2 mb-0">
      {counterEntries(counters).map(({ key, value }) => (
        // A div may group a dt and its dd inside a dl (HTML living standard), so each counter is a box.
        <div key={key} className="col-6 col-md-4 col-xl-2 text-center">
          <dt className="small fw-normal border-top pt-2">{t(`desk.counters.${key}`)}</dt>
          <dd className="h3 mb-0">{formatInteger(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
