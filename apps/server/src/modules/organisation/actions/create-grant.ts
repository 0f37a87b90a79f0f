import crypto from 'node:crypto';
import { grantsCreate } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { presentGrant, recordSeenBy, recordWritableBy, subjectExists, subjectInAmbito } from '../grants.repo.js';
import { actorOf } from '../require-actor.js';

/**
 * grants.create: time-bounded access for an operator, office or ente to a record the granter sees
 * (architecture: "Access grants"), for a purpose, optionally hiding what the granter's office wrote,
 * read-only or with writing — the latter only from a granter who may write the record (issue 11).
 */
export const createGrant = defineHandler(grantsCreate, async (ctx, input) => {
  const actor = actorOf(ctx);
  const record = await recordSeenBy(ctx.tx, actor, input.recordKind, input.recordId);
  if (!record) throw new AppError('not_found');
  if (!(await subjectExists(ctx.tx, input.subjectKind, input.subjectId))) throw new AppError('not_found', [{ path: 'subjectId', message: 'not_found' }]);
  // "Nascondi informazioni" hides the information produced by the granter's own office (product brief).
  if (input.hideInfoFrom && input.hideInfoFrom !== actor.context.officeId) {
    throw new AppError('invalid_input', [{ path: 'hideInfoFrom', message: 'ufficio_non_proprio' }]);
  }
  // Nobody hands on more than they hold: writing is shared only by who may write the record.
  if (input.canWrite && !(await recordWritableBy(ctx.tx, actor, input.recordKind, input.recordId))) {
    throw new AppError('forbidden', [{ path: 'canWrite', message: 'scrittura_non_concedibile' }]);
  }
  // A write stays in the actor's ambito (visibility.ts): across ambiti a share reads, so it says so now.
  if (input.canWrite && !(await subjectInAmbito(ctx.tx, input.subjectKind, input.subjectId, record.ambitoId))) {
    throw new AppError('invalid_input', [{ path: 'subjectId', message: 'scrittura_solo_nell_ambito' }]);
  }
  const id = crypto.randomUUID();
  const row = await ctx.tx
    .insertInto('access_grant')
    .values({
      id, ambito_id: record.ambitoId, ente_id: actor.context.enteId, record_kind: input.recordKind, record_id: input.recordId,
      subject_kind: input.subjectKind, subject_id: input.subjectId, purpose: input.purpose, valid_from: input.validFrom,
      valid_to: input.validTo ?? null, hide_info_from_office: input.hideInfoFrom ?? null, can_write: input.canWrite, granted_by: actor.operatorId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  ctx.audit({
    targets: [{ kind: input.recordKind, id: input.recordId }, { kind: 'access_grant', id }],
    purpose: input.purpose,
    details: { subject: { kind: input.subjectKind, id: input.subjectId }, validFrom: input.validFrom, validTo: input.validTo ?? null, hideInfoFrom: input.hideInfoFrom ?? null, canWrite: input.canWrite },
  });
  return presentGrant(actor, row);
});
