import crypto from 'node:crypto';
import { ambitiUpsert } from '@siso/shared';
import { sql, type Selectable } from 'kysely';
import type { Ambito } from '../../../db/types.js';
import { defineHandler } from '../../../http/action.js';
import { AppError, type ErrorDetail } from '../../../http/app-error.js';
import { updateVersioned } from '../../../db/optimistic-lock.js';
import { auditDiff } from '../audit-diff.js';
import { actorOf } from '../require-actor.js';
import { reachable } from '../reach.js';
import { presentAmbito } from '../tree.repo.js';
import { mapUniqueViolations } from '../unique-violation.js';

const codeTaken = { ambito_regione_id_code_key: { path: 'code', message: 'codice_già_usato' } } satisfies Record<string, ErrorDetail>;

/** ambiti.upsert: the region's ambiti (zone sociali), configured by the system administrator. */
export const upsertAmbito = defineHandler(ambitiUpsert, async (ctx, input) => {
  const actor = actorOf(ctx);
  const regioneId = actor.context.regioneId;
  const clash = await ctx.tx
    .selectFrom('ambito').select('id').where('regione_id', '=', regioneId)
    .where(sql<boolean>`lower(code) = lower(${input.code})`).where('id', '!=', input.id ?? '00000000-0000-0000-0000-000000000000')
    .executeTakeFirst();
  if (clash) throw new AppError('conflict', [{ path: 'code', message: 'codice_già_usato' }]);
  const values = { code: input.code, name: input.name };
  if (!input.id) {
    const id = crypto.randomUUID();
    const row = await mapUniqueViolations(
      () => ctx.tx.insertInto('ambito').values({ id, regione_id: regioneId, ...values, created_by: actor.operatorId }).returningAll().executeTakeFirstOrThrow(),
      codeTaken,
    );
    ctx.audit({ targets: [{ kind: 'ambito', id }], details: auditDiff(null, values) });
    return presentAmbito(actor, row);
  }
  if (input.version === undefined) throw new AppError('invalid_input', [{ path: 'version', message: 'required' }]);
  const old = reachable(
    actor,
    'ambiti.upsert',
    await ctx.tx.selectFrom('ambito').selectAll().where('id', '=', input.id).where('regione_id', '=', regioneId).executeTakeFirst(),
    (a) => ({ ambitoId: a.id }),
  );
  const row = await mapUniqueViolations(
    () => updateVersioned<Selectable<Ambito>>(ctx.tx, 'ambito', input.id!, input.version!, { ...values, updated_by: actor.operatorId }),
    codeTaken,
  );
  ctx.audit({ targets: [{ kind: 'ambito', id: input.id }], details: auditDiff({ code: old.code, name: old.name }, values) });
  return presentAmbito(actor, row);
});
