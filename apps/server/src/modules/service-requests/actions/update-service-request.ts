import { sql } from 'kysely';
import { serviceRequestsUpdate } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { assertWritable } from '../../../access/masking.js';
import { updateVersioned } from '../../../db/optimistic-lock.js';
import { ambitoActor } from '../../persons/require-ambito.js';
import { assertDeskOpen } from '../../intake/desk-access.js';
import { INTAKE_RECORD } from '../../intake/intake-kinds.js';
import { ATTACHMENT, loadIntakeForWrite, loadServiceRequest, SERVICE_REQUEST, } from '../service-request-repo.js';
import { serviceRequestFieldClasses } from '../service-requests.fields.js';
import { visible, writableBy } from '../../../access/visibility.js';
import { checkAndScanAttachments, indexed, storeAttachments } from '../attachments/store-attachments.js';

/**
 * serviceRequests.update (optimistic lock). The status moves freely among open, in progress, done
 * and rejected: the desk reopens a request when the person comes back (the original's UdC requests
 * have no workflow either). Files are added with the same checks as on create, and removed softly
 * (deleted_at/by) so the audit trail keeps what was attached and by whom.
 */
export const updateServiceRequest = defineHandler(serviceRequestsUpdate, async (ctx, input) => {
  const actor = ambitoActor(ctx);
  await assertDeskOpen(ctx.tx, actor);
  const current = await ctx.tx.selectFrom('service_request').select(['id', 'intake_id']).where('id', '=', input.id).where(visible(actor, SERVICE_REQUEST, 'service_request')).executeTakeFirst();
  const intake = current ? await loadIntakeForWrite(ctx.tx, actor, current.intake_id) : null;
  if (!current || !intake) throw new AppError('not_found');
  if (!intake.can_write) throw new AppError('forbidden');
  const classes = assertWritable({ notes: input.notes }, serviceRequestFieldClasses, actor.writable);
  const files = await checkAndScanAttachments(ctx, indexed(input.addAttachments, 'addAttachments'));

  const values: Record<string, unknown> = { updated_by: actor.operatorId };
  if (input.status !== undefined) values.status = input.status;
  if (input.minutesWorked !== undefined) values.minutes_worked = input.minutesWorked;
  if (input.notes !== undefined) values.notes = input.notes;
  await updateVersioned(ctx.tx, 'service_request', input.id, input.version, values, writableBy(actor, SERVICE_REQUEST, 'service_request', 'serviceRequests.update'));

  await storeAttachments(ctx, { kind: 'serviceRequest', id: input.id, ambitoId: intake.ambito_id, enteId: actor.context.enteId, officeId: actor.context.officeId }, files);
  const removeIds = [...new Set(input.removeAttachmentIds)];
  if (removeIds.length > 0) {
    const removed = await sql<{ id: string }>`
      UPDATE attachment a SET deleted_at = now(), deleted_by = ${actor.operatorId}
       WHERE a.owner_kind = 'serviceRequest' AND a.owner_id = ${input.id} AND a.id = ANY(${removeIds}::uuid[])
         AND ${writableBy(actor, ATTACHMENT, 'a', 'serviceRequests.update')}
       RETURNING id`.execute(ctx.tx);
    const gone = new Set(removed.rows.map((r) => r.id));
    const missing = input.removeAttachmentIds.map((id, i) => ({ id, i })).filter((x) => !gone.has(x.id));
    if (missing.length > 0) {
      throw new AppError('precondition_failed', missing.map((m) => ({ path: `removeAttachmentIds.${m.i}`, message: 'allegato_non_trovato' })));
    }
  }

  ctx.audit({
    subjectPeople: intake.person_id ? [intake.person_id] : [],
    targets: [{ kind: INTAKE_RECORD, id: intake.id }],
    classesChanged: ['public', ...classes],
    details: {
      serviceRequestId: input.id,
      status: input.status,
      addedAttachments: files.map((f) => ({ sha256: f.sha256, sizeBytes: f.bytes.length, scanStatus: f.scanStatus })),
      removedAttachmentIds: removeIds,
    },
  });
  const view = await loadServiceRequest(ctx, ctx.tx, actor, input.id);
  if (!view) throw new AppError('not_found');
  return view;
});
