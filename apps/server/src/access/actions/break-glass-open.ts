import crypto from 'node:crypto';
import { breakGlassOpen } from '@siso/shared';
import { defineHandler } from '../../http/action.js';
import { AppError } from '../../http/app-error.js';
import { visibleRecord } from '../visibility.js';

/**
 * Break-the-glass (architecture): for a record the operator can already see, open masked classes for
 * a limited time with a written reason. It is audited with the reason as purpose and shown to the
 * DPO; it never widens *which* records are visible, only *what* of a visible record.
 */
export const openBreakGlass = defineHandler(breakGlassOpen, async (ctx, input) => {
  const actor = ctx.actor!;
  const record = await visibleRecord(ctx.tx, actor, input.recordKind, input.recordId);
  if (!record) throw new AppError('not_found');
  const already = input.classes.filter((c) => actor.readable.has(c));
  if (already.length === input.classes.length) {
    throw new AppError('precondition_failed', [{ path: 'classes', message: 'classi_già_leggibili' }]);
  }
  const id = crypto.randomUUID();
  const expiresAt = new Date(Date.now() + input.minutes * 60_000);
  await ctx.tx
    .insertInto('break_glass')
    .values({
      id,
      ambito_id: record.ambitoId,
      ente_id: record.enteId,
      operator_id: actor.operatorId,
      office_id: actor.context!.officeId,
      record_kind: input.recordKind,
      record_id: input.recordId,
      classes: input.classes,
      reason: input.reason,
      expires_at: expiresAt,
    })
    .execute();
  ctx.audit({
    targets: [{ kind: input.recordKind, id: input.recordId }, { kind: 'breakGlass', id }],
    classesRead: input.classes,
    purpose: input.reason,
    details: { minutes: input.minutes },
  });
  return { id, expiresAt: expiresAt.toISOString(), classes: input.classes };
});
