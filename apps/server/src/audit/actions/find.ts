import { auditFind } from '@siso/shared';
import { chainKeyOf } from '../../access/actor.js';
import { decodeCursor, toPage } from '../../db/keyset.js';
import { defineHandler } from '../../http/action.js';
import { auditQuery, presentAuditRow, type AuditRow } from '../audit-query.js';
import { filtersOf } from '../audit-filters.js';

/**
 * The DPO's search of the audit log of their ambito, newest first, keyset-paginated on seq.
 * Reading the audit is itself audited (GDPR art. 5(2): who watched the watchers): the row names the
 * query and its filters, and the person searched for, so "who read my file" also shows the DPO.
 */
export const findAudit = defineHandler(auditFind, async (ctx, input) => {
  const { cursor, limit, ...rest } = input;
  const filters = filtersOf(rest);
  const after = decodeCursor(cursor, 1);
  let q = auditQuery(ctx.tx, chainKeyOf(ctx.actor), filters);
  if (after) q = q.where('e.seq', '<', Number(after[0]));
  const rows = (await q.orderBy('e.seq', 'desc').limit(limit + 1).execute()) as AuditRow[];
  ctx.audit({
    targets: [{ kind: 'auditQuery', id: ctx.request.id }],
    ...(filters.person ? { subjectPeople: [filters.person] } : {}),
    details: { filters, page: cursor ? 'next' : 'first', returned: Math.min(rows.length, limit) },
  });
  return toPage(rows, limit, (r) => [Number(r.seq)], presentAuditRow);
});
