import crypto from 'node:crypto';
import { officesUpsert } from '@siso/shared';
import { sql, type Selectable } from 'kysely';
import type { Office } from '../../../db/types.js';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { updateVersioned } from '../../../db/optimistic-lock.js';
import { auditDiff } from '../audit-diff.js';
import { actorOf } from '../require-actor.js';
import { reachable } from '../reach.js';
import { presentOffice } from '../tree.repo.js';

/** offices.upsert: an office (sector, service, desk, second-level unit) of an ente within reach. */
export const upsertOffice = defineHandler(officesUpsert, async (ctx, input) => {
  const actor = actorOf(ctx);
  const ente = reachable(
    actor,
    'offices.upsert',
    await ctx.tx.selectFrom('ente').select(['id', 'ambito_id']).where('id', '=', input.enteId).executeTakeFirst(),
    (e) => ({ ambitoId: e.ambito_id, enteId: e.id }),
  );
  const values = { type: input.type, name: input.name, email: input.email ?? null, phone: input.phone ?? null };
  const archived = input.archived === undefined ? {} : { archived_at: input.archived ? sql`COALESCE(archived_at, now())` : null };
  if (!input.id) {
    const id = crypto.randomUUID();
    const row = await ctx.tx
      .insertInto('office')
      .values({ id, ambito_id: ente.ambito_id, ente_id: ente.id, ...values, archived_at: input.archived ? new Date() : null, created_by: actor.operatorId })
      .returningAll()
      .executeTakeFirstOrThrow();
    ctx.audit({ targets: [{ kind: 'office', id }], details: auditDiff(null, values) });
    return presentOffice(actor, row);
  }
  if (input.version === undefined) throw new AppError('invalid_input', [{ path: 'version', message: 'required' }]);
  const old = reachable(actor, 'offices.upsert', await ctx.tx.selectFrom('office').selectAll().where('id', '=', input.id).executeTakeFirst(), (o) => ({
    ambitoId: o.ambito_id,
    enteId: o.ente_id,
    officeId: o.id,
  }));
  // Assignments and records hang on the office's ente: moving it is a new office, not an edit.
  if (old.ente_id !== input.enteId) throw new AppError('precondition_failed', [{ path: 'enteId', message: 'invalid_value' }]);
  const row = await updateVersioned<Selectable<Office>>(ctx.tx, 'office', input.id, input.version, { ...values, ...archived, updated_by: actor.operatorId });
  ctx.audit({
    targets: [{ kind: 'office', id: input.id }],
    details: auditDiff({ ...old, archived: old.archived_at !== null }, { ...values, ...(input.archived === undefined ? {} : { archived: input.archived }) }),
  });
  return presentOffice(actor, row);
});
