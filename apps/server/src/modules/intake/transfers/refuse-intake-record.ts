import { sql } from 'kysely';
import { intakeRecordsRefuse } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { notify } from '../../../notifications/notify.js';
import { operatorsOf } from '../../../notifications/recipients.js';
import { actorOf } from '../../organisation/require-actor.js';
import { decideTransfer, lockPendingTransfer } from './decide-transfer.js';
import { presentTransfer, selectTransfers } from './transfer-repo.js';

/**
 * Refuses a scheda sent to the actor's desk, with the reason (issue 5, point 4); the sending desk's
 * operators get an `intake.refused` alert (number and offices only in the title). The reason is
 * free text written for the sending desk: it is shown to them, not mailed.
 */
export const refuseIntakeRecord = defineHandler(intakeRecordsRefuse, async (ctx, input) => {
  const actor = actorOf(ctx);
  const transfer = await lockPendingTransfer(ctx.tx, actor, input.transferId, input.version);
  await decideTransfer(ctx, actor, transfer.id, { status: 'refused', reason: input.reason });
  const publicUrl = ctx.services.config.publicUrl;
  await notify(ctx.tx, await operatorsOf(ctx.tx, [{ kind: 'office', id: transfer.source_office_id }], 'intakeRecords.send'), {
    ambitoId: transfer.source_ambito_id, enteId: transfer.source_ente_id, type: 'intake.refused',
    title: `Scheda ${transfer.snapshot.number} rifiutata da ${transfer.dest_office_name}`,
    // The sending desk cannot open the destination's inbox: the link leads to its own scheda.
    link: { kind: 'intakeRecord', id: transfer.source_intake_id }, publicUrl,
  });
  const row = (await selectTransfers(ctx.tx, actor, sql`t.id = ${transfer.id}`))[0];
  if (!row) throw new AppError('internal');
  ctx.audit({ targets: [{ kind: 'intakeTransfer', id: transfer.id }] });
  return presentTransfer(ctx, actor, row);
});
