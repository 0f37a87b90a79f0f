import { breakGlassClasses, breakGlassFind, grantRecordKinds, type BreakGlassItem } from '@siso/shared';
import { sql } from 'kysely';
import { decodeCursor, toPage } from '../../db/keyset.js';
import { defineHandler } from '../../http/action.js';
import { AppError } from '../../http/app-error.js';
import { namesVisibleRecord } from '../visible-records.js';

interface Row {
  id: string;
  record_kind: string;
  record_id: string;
  classes: BreakGlassItem['classes'];
  reason: string;
  opened_at: Date;
  expires_at: Date;
  open: boolean;
  operator_name: string;
  office_name: string;
  ente_name: string;
  opened_key: string;
}

const personKinds = new Set(['person', 'protectedPerson']);

/**
 * breakGlass.find (issue 11, point 1): emergency accesses, open and past, newest first — with an
 * ambito scope (the DPO, who is reported every one: architecture, "Break-the-glass") all those of the
 * ambito, otherwise the actor's own on records they still see (the record's page shows which are open
 * and until when). The
 * answer also names the classes the actor does not read where they work now: what an emergency access
 * could open for them. Audited with the records whose accesses were read.
 */
export const findBreakGlass = defineHandler(breakGlassFind, async (ctx, input) => {
  const actor = ctx.actor;
  const c = actor?.context;
  if (!actor || !c) throw new AppError('context_required');
  const after = decodeCursor(input.cursor, 2);
  // One's own on records still seen (a scheda since deleted leaves the list); the DPO's, every one of the ambito.
  const whose =
    actor.scopes['breakGlass.find'] === 'ambito'
      ? sql`b.ambito_id = ${c.ambitoId}`
      : sql`b.operator_id = ${actor.operatorId} AND ${namesVisibleRecord(actor, grantRecordKinds, 'b.record_kind', 'b.record_id')}`;
  const record = input.recordKind && input.recordId ? sql`AND b.record_kind = ${input.recordKind} AND b.record_id = ${input.recordId}` : sql``;
  const open = input.open === undefined ? sql`` : input.open ? sql`AND b.expires_at > now()` : sql`AND b.expires_at <= now()`;
  const page = after ? sql`AND (b.opened_at, b.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``;
  const rows = (
    await sql<Row>`
      SELECT b.id, b.record_kind, b.record_id, b.classes, b.reason, b.opened_at, b.expires_at, b.expires_at > now() AS open,
             o.given_name || ' ' || o.family_name AS operator_name, f.name AS office_name, e.name AS ente_name, b.opened_at::text AS opened_key
        FROM break_glass b JOIN operator o ON o.id = b.operator_id JOIN office f ON f.id = b.office_id JOIN ente e ON e.id = b.ente_id
       WHERE ${whose} ${record} ${open} ${page}
       ORDER BY b.opened_at DESC, b.id DESC
       LIMIT ${input.limit + 1}`.execute(ctx.tx)
  ).rows;
  const result = toPage(rows, input.limit, (r) => [r.opened_key, r.id], (r): BreakGlassItem => ({
    id: r.id, recordKind: r.record_kind, recordId: r.record_id, classes: r.classes, reason: r.reason, openedAt: r.opened_at.toISOString(),
    expiresAt: r.expires_at.toISOString(), open: r.open, operatorName: r.operator_name, officeName: r.office_name, enteName: r.ente_name,
  }));
  const records = new Map(result.items.map((b) => [`${b.recordKind}:${b.recordId}`, { kind: b.recordKind, id: b.recordId }]));
  ctx.audit({
    subjectPeople: [...records.values()].filter((r) => personKinds.has(r.kind)).map((r) => r.id),
    targets: [{ kind: 'breakGlassList', id: ctx.request.id }, ...records.values()],
    details: { record: input.recordKind ? { kind: input.recordKind, id: input.recordId } : null, open: input.open ?? null, returned: result.items.length },
  });
  return { ...result, openable: breakGlassClasses.filter((k) => !actor.readable.has(k)) };
});
