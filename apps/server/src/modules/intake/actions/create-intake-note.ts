import crypto from 'node:crypto';
import { intakeNotesCreate } from '@siso/shared';
import { insertedBy } from '../../../access/visibility.js';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf } from '../../organisation/require-actor.js';
import { assertDeskOpen } from '../desk-access.js';
import { INTAKE_NOTE, INTAKE_RECORD } from '../intake-kinds.js';
import { loadIntakeRow } from '../intake-repo.js';
import { privateNoteClass } from '../intake.fields.js';

/**
 * intakeNotes.create (issue 5; siso-original SS_DIARIO): a diary note on a scheda the actor may read,
 * public or private (private: readable by its author, the scheda's creator, the ente's managers and
 * holders of the reserved class, siso-original §10.3.2).
 */
export const createIntakeNote = defineHandler(intakeNotesCreate, async (ctx, input) => {
  const actor = actorOf(ctx);
  await assertDeskOpen(ctx.tx, actor);
  const row = await loadIntakeRow(ctx.tx, actor, input.intakeId, { permission: 'intakeNotes.create', forUpdate: true });
  if (!row) throw new AppError('not_found');
  const id = crypto.randomUUID();
  const c = actor.context;
  const written = await ctx.tx
    .insertInto('intake_note')
    .values({ id, intake_id: row.id, ambito_id: row.ambito_id, ente_id: c.enteId, office_id: c.officeId, author_id: actor.operatorId, private: input.private, text: input.text })
    .modifyEnd(insertedBy(actor, INTAKE_NOTE, { ambito_id: row.ambito_id }))
    .returning(['written_at'])
    .executeTakeFirstOrThrow();
  ctx.audit({
    subjectPeople: row.person_id ? [row.person_id] : [],
    targets: [{ kind: INTAKE_RECORD, id: row.id }],
    classesChanged: [input.private ? privateNoteClass : 'personal'],
  });
  return { id, authorId: actor.operatorId, authorName: actor.displayName, writtenAt: new Date(written.written_at).toISOString(), private: input.private, text: input.text };
});
