import { intakeRecordsComplete, type SocialCategory } from '@siso/shared';
import { sql } from 'kysely';
import { writableBy } from '../../../access/visibility.js';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf } from '../../organisation/require-actor.js';
import { assertDeskOpen, deskSettingsOf } from '../desk-access.js';
import { deskFields, missingOf } from '../intake-custom-fields.js';
import { INTAKE_RECORD } from '../intake-kinds.js';
import { loadIntakeRow, loadIntakeView, storedSectionsOf } from '../intake-repo.js';
import { openProposal } from '../proposals/open-proposal.js';

/**
 * intakeRecords.complete (issue 5, points 1 and 5): 422 listing the mandatory sections still missing
 * (desk configuration); a completed scheda with outcome "proposta di presa in carico" opens the
 * proposal to the professional social service (siso-original §5.1). Completing twice is a 409.
 */
export const completeIntakeRecord = defineHandler(intakeRecordsComplete, async (ctx, input) => {
  const actor = actorOf(ctx);
  await assertDeskOpen(ctx.tx, actor);
  const row = await loadIntakeRow(ctx.tx, actor, input.id, { permission: 'intakeRecords.complete', forUpdate: true });
  if (!row) throw new AppError('not_found');
  if (row.version !== input.version) throw new AppError('conflict');
  if (row.status === 'complete') throw new AppError('conflict', [{ path: 'id', message: 'scheda_già_completa' }]);

  const settings = await deskSettingsOf(ctx.tx, row.office_id);
  const { offered } = await deskFields(ctx.tx, { regioneId: row.regione_id, ambitoId: row.ambito_id, officeType: row.office_type }, settings, row.access_date);
  const stored = storedSectionsOf(row);
  const missing = missingOf(settings, stored, offered);
  if (missing.length > 0) throw new AppError('precondition_failed', missing.map((m) => ({ path: m.section, message: 'sezione_obbligatoria_mancante' })));

  await sql`UPDATE intake_record r
               SET status = 'complete', completed_at = now(), completed_by = ${actor.operatorId},
                   version = version + 1, updated_at = now(), updated_by = ${actor.operatorId}
             WHERE r.id = ${row.id} AND ${writableBy(actor, INTAKE_RECORD, 'r', 'intakeRecords.complete')}`.execute(ctx.tx);
  const outcome = stored.outcome ?? {};
  if (outcome.type === 'take_charge_proposal') {
    await openProposal(
      ctx.tx,
      actor,
      { id: row.id, personId: row.person_id, ambitoId: row.ambito_id, enteId: row.ente_id, officeId: row.office_id, socialCategory: outcome.socialCategory as SocialCategory },
      settings,
      ctx.services.config.publicUrl,
    );
  }
  ctx.audit({ subjectPeople: row.person_id ? [row.person_id] : [], targets: [{ kind: INTAKE_RECORD, id: row.id }] });
  return loadIntakeView(ctx, row.id);
});
