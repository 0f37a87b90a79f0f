import { auditExport } from '@siso/shared';
import { chainKeyOf } from '../../access/actor.js';
import { defineHandler } from '../../http/action.js';
import { CSV_BOM, auditCsvHeader, auditCsvRow, csvLine } from '../audit-csv.js';
import { filtersOf } from '../audit-filters.js';
import { auditQuery, presentAuditRow, type AuditRow } from '../audit-query.js';

/** Upper bound of one export; a DPO needing more narrows the period. */
export const EXPORT_MAX_ROWS = 100_000;
const BATCH = 5_000;

/**
 * CSV export of the filtered audit log (GDPR art. 30 and 5(2): the DPO hands the log to the
 * supervisory authority or an auditor). Deliberately an ordinary action returning the CSV inside
 * JSON rather than a raw route: it then goes through exactly the same pipeline — session, context,
 * permission, read-only transaction, audit of the read — with no second code path to keep in sync.
 * The web turns it into a file download. Rows are read in keyset batches to bound each query.
 */
export const exportAudit = defineHandler(auditExport, async (ctx, input) => {
  const filters = filtersOf(input);
  const chainKey = chainKeyOf(ctx.actor);
  const parts: string[] = [CSV_BOM, csvLine(auditCsvHeader)];
  let rows = 0;
  let truncated = false;
  let before: number | undefined;
  for (;;) {
    let q = auditQuery(ctx.tx, chainKey, filters);
    if (before !== undefined) q = q.where('e.seq', '<', before);
    const take = Math.min(BATCH, EXPORT_MAX_ROWS - rows);
    const batch = (await q.orderBy('e.seq', 'desc').limit(take + 1).execute()) as AuditRow[];
    for (const r of batch.slice(0, take)) parts.push(auditCsvRow(presentAuditRow(r)));
    rows += Math.min(batch.length, take);
    if (batch.length <= take) break;
    if (rows >= EXPORT_MAX_ROWS) {
      truncated = true;
      break;
    }
    before = Number(batch[take - 1]!.seq);
  }
  ctx.audit({
    targets: [{ kind: 'auditExport', id: ctx.request.id }],
    ...(filters.person ? { subjectPeople: [filters.person] } : {}),
    details: { filters, rows, truncated },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return { filename: `audit-${stamp}.csv`, rows, truncated, csv: parts.join('') };
});
