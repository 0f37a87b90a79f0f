import crypto from 'node:crypto';
import { sql } from 'kysely';
import { intakeRecordsSend } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { queueEmail } from '../../../notifications/email-outbox.js';
import { notify } from '../../../notifications/notify.js';
import { operatorsOf } from '../../../notifications/recipients.js';
import { insertedBy } from '../../../access/visibility.js';
import { actorOf } from '../../organisation/require-actor.js';
import { deskSettingsOf } from '../desk-access.js';
import { INTAKE_RECORD } from '../intake-kinds.js';
import { resolveDestination } from './transfer-destination.js';
import { INTAKE_TRANSFER, presentTransfer, selectTransfers } from './transfer-repo.js';
import { loadSendable } from './transfer-snapshot.js';

/**
 * Sends a scheda to another desk (issue 5, point 4; siso-original §5.1 step 4, AR_BUFFER_SS_INVIO):
 * the destination's inbox gets a snapshot, its operators an `intake.received` alert, and the desk's
 * address (or `emailTo`) an e-mail from the sending desk's template. The scheda itself is unchanged:
 * `version` only proves the sender saw its latest state (409 otherwise).
 */
export const sendIntakeRecord = defineHandler(intakeRecordsSend, async (ctx, input) => {
  const actor = actorOf(ctx);
  const intake = await loadSendable(ctx.tx, actor, input.id);
  if (!intake) throw new AppError('not_found');
  if (intake.version !== input.version) throw new AppError('conflict');
  const dest = await resolveDestination(ctx.tx, actor, input.destOfficeId, intake.office_id);

  const id = crypto.randomUUID();
  const inserted = await sql<{ id: string }>`
    INSERT INTO intake_transfer (id, source_intake_id, source_ambito_id, source_ente_id, source_office_id, dest_ambito_id, dest_ente_id,
                                 dest_office_id, snapshot, source_person_id, message, email_to, sent_by)
    VALUES (${id}, ${intake.id}, ${intake.ambito_id}, ${intake.ente_id}, ${intake.office_id}, ${dest.ambitoId}, ${dest.enteId}, ${dest.officeId},
            ${JSON.stringify(intake.snapshot)}::jsonb, ${intake.source_person_id}, ${input.message ?? null}, ${input.emailTo ?? null}, ${actor.operatorId})
    ON CONFLICT (source_intake_id, dest_office_id) WHERE status = 'sent' DO NOTHING
    RETURNING id
    ${insertedBy(actor, INTAKE_TRANSFER, { source_ambito_id: intake.ambito_id })}`.execute(ctx.tx);
  // One pending send per scheda and desk (unique index intake_transfer_pending_uq).
  if (inserted.rows.length === 0) throw new AppError('conflict', [{ path: 'destOfficeId', message: 'invio_già_in_corso' }]);

  const publicUrl = ctx.services.config.publicUrl;
  const link = `${publicUrl}/sportello/ricevute/${id}`;
  const title = `Scheda ${intake.number} ricevuta da ${intake.office_name}`;
  await notify(ctx.tx, await operatorsOf(ctx.tx, [{ kind: 'office', id: dest.officeId }], 'intakeRecords.receive'), {
    ambitoId: dest.ambitoId, enteId: dest.enteId, type: 'intake.received', title, link: { kind: 'intakeTransfer', id }, publicUrl,
  });
  const to = input.emailTo ?? dest.officeEmail;
  if (to) {
    const desk = await deskSettingsOf(ctx.tx, intake.office_id);
    await queueEmail(ctx.tx, {
      to, template: 'intake.sent', locale: 'it', ambitoId: intake.ambito_id,
      params: {
        number: intake.number, fromOffice: intake.office_name, toOffice: dest.officeName, message: input.message ?? '', link,
        subjectTemplate: desk.emailSubject ?? '', bodyTemplate: desk.emailBody ?? '',
      },
    });
  }

  const row = (await selectTransfers(ctx.tx, actor, sql`t.id = ${id}`))[0];
  if (!row) throw new AppError('internal');
  ctx.audit({
    subjectPeople: intake.person_id ? [intake.person_id] : [],
    targets: [{ kind: INTAKE_RECORD, id: intake.id }, { kind: 'intakeTransfer', id }],
    details: { destOfficeId: dest.officeId, emailTo: to ?? null },
  });
  return presentTransfer(ctx, actor, row);
});
