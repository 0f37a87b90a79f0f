import crypto from 'node:crypto';
import { serviceRequestsCreate } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { assertWritable } from '../../../access/masking.js';
import { ambitoActor } from '../../persons/require-ambito.js';
import { assertDeskOpen } from '../../intake/desk-access.js';
import { INTAKE_RECORD } from '../../intake/intake-kinds.js';
import { loadIntakeForWrite, loadServiceRequest, SERVICE_REQUEST, } from '../service-request-repo.js';
import { serviceRequestFieldClasses } from '../service-requests.fields.js';
import { insertedBy } from '../../../access/visibility.js';
import { assertServiceEnabled } from '../service-catalogue.js';
import { checkAndScanAttachments, indexed, storeAttachments } from '../attachments/store-attachments.js';

/**
 * serviceRequests.create: a service request on a scheda the actor may write (issue 5, point 2), with
 * its files. Every file is checked and scanned before anything is written, and all of it happens in
 * the request's transaction: one bad file and nothing is saved.
 */
export const createServiceRequest = defineHandler(serviceRequestsCreate, async (ctx, input) => {
  const actor = ambitoActor(ctx);
  await assertDeskOpen(ctx.tx, actor);
  const intake = await loadIntakeForWrite(ctx.tx, actor, input.intakeId);
  if (!intake) throw new AppError('not_found');
  if (!intake.can_write) throw new AppError('forbidden');
  const classes = assertWritable({ notes: input.notes ?? undefined }, serviceRequestFieldClasses, actor.writable);
  await assertServiceEnabled(ctx.tx, input.serviceCode);
  const files = await checkAndScanAttachments(ctx, indexed(input.attachments, 'attachments'));

  const id = crypto.randomUUID();
  await ctx.tx
    .insertInto('service_request')
    .values({
      id,
      intake_id: intake.id,
      ambito_id: intake.ambito_id,
      // The office that produced the request, not the scheda's desk: a grant made with "hide the
      // information produced by my office" hides what that office wrote (access/record-kind-rules.ts).
      ente_id: actor.context.enteId,
      office_id: actor.context.officeId,
      created_by: actor.operatorId,
      updated_by: actor.operatorId,
      service_code: input.serviceCode,
      status: input.status,
      minutes_worked: input.minutesWorked,
      notes: input.notes ?? null,
    })
    .modifyEnd(insertedBy(actor, SERVICE_REQUEST, { ambito_id: intake.ambito_id }))
    .execute();
  await storeAttachments(ctx, { kind: 'serviceRequest', id, ambitoId: intake.ambito_id, enteId: actor.context.enteId, officeId: actor.context.officeId }, files);

  ctx.audit({
    subjectPeople: intake.person_id ? [intake.person_id] : [],
    targets: [{ kind: INTAKE_RECORD, id: intake.id }],
    classesChanged: ['public', ...classes],
    details: { serviceRequestId: id, serviceCode: input.serviceCode, attachments: files.map((f) => ({ sha256: f.sha256, sizeBytes: f.bytes.length, scanStatus: f.scanStatus })) },
  });
  const view = await loadServiceRequest(ctx, ctx.tx, actor, id);
  if (!view) throw new AppError('internal', [], 'service request vanished after insert');
  return view;
});
