import { grantRecordKinds, grantsFind } from '@siso/shared';
import { sql } from 'kysely';
import { namesVisibleRecord } from '../../../access/visible-records.js';
import { decodeCursor, toPage } from '../../../db/keyset.js';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { listGrants, presentGrantListItem } from '../grants-list.js';
import { recordSeenBy, recordWritableBy } from '../grants.repo.js';
import { actorOf } from '../require-actor.js';

/** Kinds that name the same record: a person's page lists the grants of who may see where a protected person lives too. */
const sameRecordKinds: Partial<Record<string, readonly string[]>> = { person: ['person', 'protectedPerson'], protectedPerson: ['person', 'protectedPerson'] };
const personKinds = new Set(['person', 'protectedPerson']);

/**
 * grants.find (issue 11, point 1): the shares of one record, or without a record the actor's own.
 * - A record's shares are listed whole to whoever holds it — may write it, by scope or by a write grant —;
 *   who sees it only through a read grant sees the shares they made (never who else reads it, and why).
 *   A record the actor does not see is 404, as for grants.create.
 * - Without a record: with an ambito scope (the DPO, GDPR art. 39(1)(b)) every share of the ambito,
 *   otherwise the shares the actor made of records they still see (not of a scheda since deleted).
 * Audited: the records whose shares were read (a person is the row's subject).
 */
export const findGrants = defineHandler(grantsFind, async (ctx, input) => {
  const actor = actorOf(ctx);
  const after = decodeCursor(input.cursor, 2) as readonly [string, string] | undefined;
  let where;
  if (input.recordKind && input.recordId) {
    if (!(await recordSeenBy(ctx.tx, actor, input.recordKind, input.recordId))) throw new AppError('not_found');
    const kinds = sameRecordKinds[input.recordKind] ?? [input.recordKind];
    const holder = await recordWritableBy(ctx.tx, actor, input.recordKind, input.recordId);
    where = sql<boolean>`g.record_id = ${input.recordId} AND g.record_kind = ANY(${[...kinds]}::text[])
      ${holder ? sql`` : sql`AND g.granted_by = ${actor.operatorId}`}`;
  } else {
    where =
      actor.scopes['grants.find'] === 'ambito'
        ? sql<boolean>`g.ambito_id = ${actor.context.ambitoId}`
        : sql<boolean>`g.granted_by = ${actor.operatorId} AND ${namesVisibleRecord(actor, grantRecordKinds, 'g.record_kind', 'g.record_id')}`;
  }
  const rows = await listGrants(ctx.tx, { where, current: input.current, after, limit: input.limit });
  const page = toPage(rows, input.limit, (r) => [r.created_key, r.id], (r) => presentGrantListItem(actor, r));
  const records = new Map(page.items.map((g) => [`${g.recordKind}:${g.recordId}`, { kind: g.recordKind, id: g.recordId }]));
  if (input.recordKind && input.recordId) records.set(`${input.recordKind}:${input.recordId}`, { kind: input.recordKind, id: input.recordId });
  ctx.audit({
    subjectPeople: [...records.values()].filter((r) => personKinds.has(r.kind)).map((r) => r.id),
    targets: [{ kind: 'grantList', id: ctx.request.id }, ...records.values()],
    details: { record: input.recordKind ? { kind: input.recordKind, id: input.recordId } : null, current: input.current ?? false, returned: page.items.length },
  });
  return page;
});
