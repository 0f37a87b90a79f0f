import { grantsRevoke } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { presentGrant, revocableBy } from '../grants.repo.js';
import { actorOf } from '../require-actor.js';

/** grants.revoke: ends a grant now. Grants outside the actor's revocation scope are not there (404). */
export const revokeGrant = defineHandler(grantsRevoke, async (ctx, input) => {
  const actor = actorOf(ctx);
  const g = await ctx.tx.selectFrom('access_grant').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!g || !revocableBy(actor, g)) throw new AppError('not_found');
  if (g.revoked_at) throw new AppError('precondition_failed', [{ path: 'id', message: 'accesso_già_revocato' }]);
  const row = await ctx.tx
    .updateTable('access_grant')
    .set({ revoked_at: new Date(), revoked_by: actor.operatorId })
    .where('id', '=', g.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  ctx.audit({ targets: [{ kind: g.record_kind, id: g.record_id }, { kind: 'access_grant', id: g.id }], details: { subject: { kind: g.subject_kind, id: g.subject_id } } });
  return presentGrant(actor, row);
});
