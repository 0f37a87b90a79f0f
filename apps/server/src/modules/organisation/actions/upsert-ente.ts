import crypto from 'node:crypto';
import { entesUpsert } from '@siso/shared';
import type { Selectable } from 'kysely';
import type { Ente } from '../../../db/types.js';
import { defineHandler } from '../../../http/action.js';
import { AppError, type ErrorDetail } from '../../../http/app-error.js';
import { updateVersioned } from '../../../db/optimistic-lock.js';
import { auditDiff } from '../audit-diff.js';
import { actorOf } from '../require-actor.js';
import { reachable } from '../reach.js';
import { presentEnte } from '../tree.repo.js';
import { mapUniqueViolations } from '../unique-violation.js';

/** Product brief, module 1: "one ente of the ambito is capofila" (unique index ente_capofila_uniq). */
const capofilaTaken = { ente_capofila_uniq: { path: 'isCapofila', message: 'capofila_già_presente' } } satisfies Record<string, ErrorDetail>;

/** entes.upsert: an ente (comune, unione, ASL, third sector…) of an ambito the actor administers. */
export const upsertEnte = defineHandler(entesUpsert, async (ctx, input) => {
  const actor = actorOf(ctx);
  const ambito = reachable(
    actor,
    'entes.upsert',
    await ctx.tx.selectFrom('ambito').select(['id', 'regione_id']).where('id', '=', input.ambitoId).executeTakeFirst(),
    (a) => ({ ambitoId: a.id }),
  );
  const values = {
    kind: input.kind,
    name: input.name,
    fiscal_code: input.fiscalCode ?? null,
    belfiore_code: input.belfioreCode ?? null,
    istat_code: input.istatCode ?? null,
    is_capofila: input.isCapofila,
  };
  if (input.isCapofila) {
    // Checked first for a clean answer; the unique index still decides a race (mapUniqueViolations).
    const other = await ctx.tx.selectFrom('ente').select('id').where('ambito_id', '=', ambito.id).where('is_capofila', '=', true)
      .where('id', '!=', input.id ?? '00000000-0000-0000-0000-000000000000').executeTakeFirst();
    if (other) throw new AppError('conflict', [capofilaTaken.ente_capofila_uniq]);
  }
  if (!input.id) {
    const id = crypto.randomUUID();
    const row = await mapUniqueViolations(
      () => ctx.tx.insertInto('ente').values({ id, regione_id: ambito.regione_id, ambito_id: ambito.id, ...values, created_by: actor.operatorId }).returningAll().executeTakeFirstOrThrow(),
      capofilaTaken,
    );
    ctx.audit({ targets: [{ kind: 'ente', id }], details: auditDiff(null, values) });
    return presentEnte(actor, row);
  }
  if (input.version === undefined) throw new AppError('invalid_input', [{ path: 'version', message: 'required' }]);
  const old = reachable(actor, 'entes.upsert', await ctx.tx.selectFrom('ente').selectAll().where('id', '=', input.id).executeTakeFirst(), (e) => ({
    ambitoId: e.ambito_id,
    enteId: e.id,
  }));
  // The region's own ente sits above the ambiti: it is part of the installation, not an ambito's ente.
  if (old.ambito_id === null) throw new AppError('not_found');
  // Moving an ente to another ambito would move its records' partition: not an edit (data rules: tenancy).
  if (old.ambito_id !== input.ambitoId) throw new AppError('precondition_failed', [{ path: 'ambitoId', message: 'invalid_value' }]);
  const row = await mapUniqueViolations(
    () => updateVersioned<Selectable<Ente>>(ctx.tx, 'ente', input.id!, input.version!, { ...values, updated_by: actor.operatorId }),
    capofilaTaken,
  );
  ctx.audit({ targets: [{ kind: 'ente', id: input.id }], details: auditDiff(old as unknown as Record<string, unknown>, values) });
  return presentEnte(actor, row);
});
