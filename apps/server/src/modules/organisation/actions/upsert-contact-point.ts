import crypto from 'node:crypto';
import { contactPointsUpsert } from '@siso/shared';
import type { Selectable } from 'kysely';
import type { ContactPoint } from '../../../db/types.js';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { updateVersioned } from '../../../db/optimistic-lock.js';
import { auditDiff } from '../audit-diff.js';
import { actorOf } from '../require-actor.js';
import { reachable } from '../reach.js';
import { presentContactPoint } from '../tree.repo.js';

/** contactPoints.upsert: a physical desk location of an office (product brief: "punto di contatto"). */
export const upsertContactPoint = defineHandler(contactPointsUpsert, async (ctx, input) => {
  const actor = actorOf(ctx);
  const office = reachable(
    actor,
    'contactPoints.upsert',
    await ctx.tx.selectFrom('office').select(['id', 'ambito_id', 'ente_id']).where('id', '=', input.officeId).executeTakeFirst(),
    (o) => ({ ambitoId: o.ambito_id, enteId: o.ente_id, officeId: o.id }),
  );
  const values = { name: input.name, address: input.address ?? null, opening_hours: input.openingHours ?? null };
  if (!input.id) {
    const id = crypto.randomUUID();
    const row = await ctx.tx
      .insertInto('contact_point')
      .values({ id, ambito_id: office.ambito_id, ente_id: office.ente_id, office_id: office.id, ...values })
      .returningAll()
      .executeTakeFirstOrThrow();
    ctx.audit({ targets: [{ kind: 'contact_point', id }], details: auditDiff(null, values) });
    return presentContactPoint(actor, row);
  }
  if (input.version === undefined) throw new AppError('invalid_input', [{ path: 'version', message: 'required' }]);
  const old = await ctx.tx.selectFrom('contact_point').selectAll().where('id', '=', input.id).where('office_id', '=', office.id).executeTakeFirst();
  if (!old) throw new AppError('not_found');
  const row = await updateVersioned<Selectable<ContactPoint>>(ctx.tx, 'contact_point', input.id, input.version, values);
  ctx.audit({ targets: [{ kind: 'contact_point', id: input.id }], details: auditDiff(old, values) });
  return presentContactPoint(actor, row);
});
