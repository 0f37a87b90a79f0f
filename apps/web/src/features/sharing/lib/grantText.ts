import type { TFunction } from 'i18next';
import type { GrantListItem } from '@siso/shared';
import { formatDate } from '../../../lib/format';

/** "dal 01/03/2026 al 30/06/2026", or "dal 01/03/2026" for a share without an end. */
export function periodText(t: TFunction, g: Pick<GrantListItem, 'validFrom' | 'validTo'>): string {
  return g.validTo
    ? t('sharing.period.range', { from: formatDate(g.validFrom), to: formatDate(g.validTo) })
    : t('sharing.period.from', { from: formatDate(g.validFrom) });
}

/** Who a share reaches, as a sentence part: "Anna Sociale (operatore)". */
export function subjectText(t: TFunction, g: Pick<GrantListItem, 'subjectName' | 'subjectKind'>): string {
  return `${g.subjectName} (${t(`sharing.subjectKinds.${g.subjectKind}`).toLowerCase()})`;
}

const badge: Record<GrantListItem['status'], string> = { active: 'bg-success', scheduled: 'bg-info text-dark', expired: 'bg-secondary', revoked: 'bg-secondary' };

export function statusBadge(status: GrantListItem['status']): string {
  return badge[status];
}
