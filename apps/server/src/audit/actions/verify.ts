import { auditVerify } from '@siso/shared';
import { chainKeyOf } from '../../access/actor.js';
import { defineHandler } from '../../http/action.js';
import { checkpointKey } from '../checkpoint-key.js';
import { sealPendingIn, verifyChain } from '../audit-sealer.js';

/**
 * Integrity check of the ambito's audit chain for the DPO (GDPR art. 32(1)(d): regularly testing the
 * measures). Pending rows are sealed first — in this request's transaction, hence a mutation — so the
 * answer covers everything committed so far; then every link from the latest signed checkpoint (or the
 * genesis) is recomputed and the first broken one reported.
 */
export const verifyAudit = defineHandler(auditVerify, async (ctx) => {
  const chainKey = chainKeyOf(ctx.actor);
  const sealedNow = await sealPendingIn(ctx.tx);
  const v = await verifyChain(ctx.tx, chainKey, checkpointKey(ctx.services.config));
  ctx.audit({ targets: [{ kind: 'auditChain', id: chainKey }], details: { ok: v.ok, rows: v.rows, firstBroken: v.firstBroken } });
  return {
    chainKey,
    ok: v.ok,
    rows: v.rows,
    sealedNow,
    checkpoint: v.checkpoint ? { chainPos: v.checkpoint.chainPos, signedAt: v.checkpoint.signedAt.toISOString(), rowsPruned: v.checkpoint.rowsPruned } : null,
    firstBroken: v.firstBroken,
    verifiedAt: new Date().toISOString(),
  };
});
