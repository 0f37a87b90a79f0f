import { intakeRecordsDelete } from '@siso/shared';
import { sql } from 'kysely';
import { visible, writableBy } from '../../../access/visibility.js';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf } from '../../organisation/require-actor.js';
import { assertDeskOpen } from '../desk-access.js';
import { INTAKE_RECORD } from '../intake-kinds.js';
import { loadIntakeRow } from '../intake-repo.js';

/**
 * intakeRecords.delete: logical deletion with a reason (siso-original §5.1 step 2, state "eliminata").
 * The scheda stays in the database for the DPO and the audit (GDPR art. 5(2)) and is gone from every
 * list, search, count and view (every read filters `deleted_at IS NULL`). Refused (409) while another
 * desk has it pending, or while a proposal to take charge is open or accepted: the receiving desk and
 * the professional service work on it. Only who may update the scheda may delete it.
 */
export const deleteIntakeRecord = defineHandler(intakeRecordsDelete, async (ctx, input) => {
  const actor = actorOf(ctx);
  await assertDeskOpen(ctx.tx, actor);
  const row = await loadIntakeRow(ctx.tx, actor, input.id, { permission: 'intakeRecords.delete', forUpdate: true });
  if (!row) throw new AppError('not_found');
  if (row.version !== input.version) throw new AppError('conflict');
  const busy = await sql<{ pending_send: boolean; proposal: boolean }>`
    SELECT EXISTS (SELECT 1 FROM intake_transfer t WHERE t.source_intake_id = ${row.id} AND t.status = 'sent' AND ${visible(actor, 'intakeTransfer', 't')}) AS pending_send,
           EXISTS (SELECT 1 FROM take_charge_proposal p WHERE p.intake_id = ${row.id} AND p.status IN ('proposed', 'seen', 'accepted') AND ${visible(actor, 'takeChargeProposal', 'p')}) AS proposal`.execute(ctx.tx);
  const { pending_send, proposal } = busy.rows[0]!;
  if (pending_send) throw new AppError('conflict', [{ path: 'id', message: 'scheda_in_attesa_altrove' }]);
  if (proposal) throw new AppError('conflict', [{ path: 'id', message: 'proposta_di_presa_in_carico' }]);

  // Its sends and proposals go with it (migration 0016), and the alerts that name it, its sends or its
  // proposals — some are another desk's, of another ente: removed through the cross-tenant handle.
  await sql`UPDATE intake_transfer t SET deleted_at = now()
             WHERE t.source_intake_id = ${row.id} AND t.deleted_at IS NULL AND ${writableBy(actor, 'intakeTransfer', 't', 'intakeRecords.delete')}`.execute(ctx.tx);
  await sql`UPDATE take_charge_proposal p SET deleted_at = now()
             WHERE p.intake_id = ${row.id} AND p.deleted_at IS NULL AND ${writableBy(actor, 'takeChargeProposal', 'p', 'intakeRecords.delete')}`.execute(ctx.tx);
  await sql`DELETE FROM alert a
             WHERE (a.link_kind = 'intakeRecord' AND a.link_id = ${row.id})
                OR (a.link_kind = 'intakeTransfer' AND a.link_id IN (SELECT t.id::text FROM intake_transfer t WHERE t.source_intake_id = ${row.id}
                                                                          AND ${visible(actor, 'intakeTransfer', 't', { includeDeleted: true })}))
                OR (a.link_kind = 'proposal' AND a.link_id IN (SELECT p.id::text FROM take_charge_proposal p WHERE p.intake_id = ${row.id}
                                                                    AND ${visible(actor, 'takeChargeProposal', 'p', { includeDeleted: true })}))`
    .execute(ctx.crossTenant('a deleted scheda takes with it the alerts that name it, its sends or its proposals, also those of the desk it was sent to'));
  const done = await sql<{ deleted_at: Date }>`
    UPDATE intake_record r
       SET deleted_at = now(), deleted_by = ${actor.operatorId}, deletion_reason = ${input.reason},
           version = version + 1, updated_at = now(), updated_by = ${actor.operatorId}
     WHERE r.id = ${row.id} AND ${writableBy(actor, INTAKE_RECORD, 'r', 'intakeRecords.delete')}
     RETURNING r.deleted_at`.execute(ctx.tx);
  const deletedAt = done.rows[0]!.deleted_at;
  ctx.audit({ subjectPeople: row.person_id ? [row.person_id] : [], targets: [{ kind: INTAKE_RECORD, id: row.id }], details: { number: row.number, reason: input.reason } });
  return { id: row.id, number: row.number, deletedAt: deletedAt.toISOString() };
});
