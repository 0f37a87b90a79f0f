import { intakeRecordsReceive } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import type { ErrorDetail } from '../../../http/app-error.js';
import { mapUniqueViolations } from '../../organisation/unique-violation.js';
import { actorOf } from '../../organisation/require-actor.js';
import { INTAKE_RECORD } from '../intake-kinds.js';
import { loadIntakeView } from '../intake-repo.js';
import { insertIntake } from '../intake-write.js';
import { decideTransfer, lockPendingTransfer } from './decide-transfer.js';
import { receivedSections } from './received-sections.js';

/**
 * Accepts a scheda sent to the actor's desk (issue 5, point 4; siso-original §5.1 step 4): a new
 * local scheda linked to the transfer (`received_from`). Received once only: the transfer row is
 * locked and must still be `sent`, and the unique index intake_record_received_from_uq stops a
 * concurrent accept that got past the lock — the loser answers 409 either way.
 */
export const receiveIntakeRecord = defineHandler(intakeRecordsReceive, async (ctx, input) => {
  const actor = actorOf(ctx);
  const transfer = await lockPendingTransfer(ctx.tx, actor, input.transferId, input.version);
  const sections = await receivedSections(ctx.tx, actor, transfer);
  const already: ErrorDetail = { path: 'transferId', message: 'scheda_già_ricevuta' };
  const { id: intakeId } = await mapUniqueViolations(() => insertIntake(ctx, sections, { receivedFrom: transfer.id }), { intake_record_received_from_uq: already });
  await decideTransfer(ctx, actor, transfer.id, { status: 'received', receivedIntakeId: intakeId });
  ctx.audit({
    subjectPeople: sections.personId ? [sections.personId] : [],
    targets: [{ kind: 'intakeTransfer', id: transfer.id }, { kind: INTAKE_RECORD, id: intakeId }],
  });
  return loadIntakeView(ctx, intakeId);
});
