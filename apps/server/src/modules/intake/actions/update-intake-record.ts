import { intakeRecordsUpdate } from '@siso/shared';
import { writableBy } from '../../../access/visibility.js';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { sql } from 'kysely';
import { actorOf } from '../../organisation/require-actor.js';
import { assertDeskOpen, deskSettingsOf } from '../desk-access.js';
import { deskFields, missingOf } from '../intake-custom-fields.js';
import { INTAKE_RECORD } from '../intake-kinds.js';
import { loadIntakeRow, loadIntakeView, storedSectionsOf } from '../intake-repo.js';
import { checkSections } from '../intake-validate.js';
import { intakeSetClause, sectionColumns } from '../intake-write.js';

/**
 * intakeRecords.update (issue 5, point 1): saves the sections sent, the others stay as they were;
 * optimistic locking (409 on a stale version). A complete scheda stays complete, so an update that
 * would empty one of its mandatory sections is refused (422). One transaction: a refused save leaves
 * the scheda exactly as before.
 */
export const updateIntakeRecord = defineHandler(intakeRecordsUpdate, async (ctx, input) => {
  const actor = actorOf(ctx);
  const { id, version, ...sections } = input;
  await assertDeskOpen(ctx.tx, actor);
  const row = await loadIntakeRow(ctx.tx, actor, id, { permission: 'intakeRecords.update', forUpdate: true });
  if (!row) throw new AppError('not_found');
  if (row.version !== version) throw new AppError('conflict');

  const settings = await deskSettingsOf(ctx.tx, row.office_id);
  const { all, offered } = await deskFields(ctx.tx, { regioneId: row.regione_id, ambitoId: row.ambito_id, officeType: row.office_type }, settings, sections.access?.date ?? row.access_date);
  const writable = actor.writable;
  const { next, classesChanged } = await checkSections(ctx.tx, actor, { ambitoId: row.ambito_id, officeId: row.office_id }, writable, sections, storedSectionsOf(row), { all, offered });
  if (row.status === 'complete') {
    const missing = missingOf(settings, next, offered);
    if (missing.length > 0) throw new AppError('precondition_failed', missing.map((m) => ({ path: m.section, message: 'sezione_obbligatoria_mancante' })));
  }
  await sql`UPDATE intake_record r
               SET ${sql.join([...intakeSetClause(sectionColumns(next)), sql`version = version + 1`, sql`updated_at = now()`, sql`updated_by = ${actor.operatorId}`])}
             WHERE r.id = ${id} AND ${writableBy(actor, INTAKE_RECORD, 'r', 'intakeRecords.update')}`.execute(ctx.tx);
  const people = [...new Set([row.person_id, next.personId].filter((p): p is string => p !== null))];
  ctx.audit({ subjectPeople: people, targets: [{ kind: INTAKE_RECORD, id }], classesChanged });
  return loadIntakeView(ctx, id);
});
