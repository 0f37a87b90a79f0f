import { intakeRecordsCopy, type IntakeSectionsInput } from '@siso/shared';
import type { FieldClass, FieldMap } from '../../../access/field-classes.js';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf } from '../../organisation/require-actor.js';
import { assertDeskOpen } from '../desk-access.js';
import { INTAKE_RECORD } from '../intake-kinds.js';
import { loadIntakeRow, loadIntakeView, storedSectionsOf } from '../intake-repo.js';
import { insertIntake } from '../intake-write.js';
import { foreignerFieldClasses, interlocutorFieldClasses, needsFieldClasses, personIdClass, referencesClass, socialFieldClasses } from '../intake.fields.js';

/** The fields of a stored section the actor may write at their desk; null when none is left. */
function writableOnly(section: Record<string, unknown> | null | undefined, fields: FieldMap, writable: ReadonlySet<FieldClass>): Record<string, unknown> | undefined {
  if (!section) return undefined;
  const kept = Object.entries(section).filter(([k, v]) => v !== null && v !== undefined && writable.has(fields[k] ?? 'special'));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/**
 * intakeRecords.copy (siso-original §5.1 step 2: a scheda "can be copied, only if the accesso was in
 * the current office"): a new incomplete scheda of the same desk, numbered and dated today, with what
 * describes the person and their situation — user, interlocutor, reference people, social data, the
 * foreigners' section, needs. Not copied: the access itself, services, outcome, diary and service
 * requests, which belong to that visit. Only what the actor may write at their desk is copied (a
 * desk never writes what it cannot see: health notes stay behind for a desk that cannot read them),
 * and the copy goes through the same validation as a new scheda.
 */
export const copyIntakeRecord = defineHandler(intakeRecordsCopy, async (ctx, input) => {
  const actor = actorOf(ctx);
  const settings = await assertDeskOpen(ctx.tx, actor);
  const row = await loadIntakeRow(ctx.tx, actor, input.id);
  if (!row) throw new AppError('not_found');
  if (row.office_id !== actor.context.officeId) throw new AppError('forbidden', [{ path: 'id', message: 'copia_solo_nello_sportello_della_scheda' }]);
  const writable = actor.writable;
  const stored = storedSectionsOf(row);
  const sections = {
    personId: writable.has(personIdClass) ? stored.personId ?? undefined : undefined,
    interlocutor: writableOnly(stored.interlocutor, interlocutorFieldClasses, writable),
    references: writable.has(referencesClass) ? stored.references ?? undefined : undefined,
    social: writableOnly(stored.social, socialFieldClasses, writable),
    foreigner: writableOnly(stored.foreigner, foreignerFieldClasses, writable),
    needs: writableOnly(stored.needs, needsFieldClasses, writable),
  } as IntakeSectionsInput;
  const { id, known } = await insertIntake(ctx, sections, { settings });
  // The source scheda was read to be copied: it is a target of the audit row as well as the new one.
  ctx.audit({ subjectPeople: row.person_id ? [row.person_id] : [], targets: [{ kind: INTAKE_RECORD, id: row.id }], details: { copiedFrom: row.id } });
  return loadIntakeView(ctx, id, { children: false, known });
});
