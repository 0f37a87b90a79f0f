import { sql, type Kysely } from 'kysely';
import type { IntakeNoteView } from '@siso/shared';
import type { FieldClass } from '../../access/field-classes.js';
import { MASKED } from '../../access/masking.js';
import { visible } from '../../access/visibility.js';
import { INTAKE_NOTE } from './intake-kinds.js';
import type { DB } from '../../db/types.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { privateNoteClass } from './intake.fields.js';

/**
 * Who reads the text of a private diary note (siso-original §10.3.2): its author, the scheda's
 * creator, a manager of the ente (ente- or ambito-wide reach on schede) and holders of the
 * `reserved` class. Everybody else sees that the note exists, masked.
 */
export function canReadPrivateNote(
  actor: ContextActor,
  note: { author_id: string; ente_id: string },
  intake: { created_by: string },
  readable: ReadonlySet<FieldClass>,
): boolean {
  if (note.author_id === actor.operatorId || intake.created_by === actor.operatorId) return true;
  const scope = actor.scopes['intakeRecords.get'];
  if ((scope === 'ente' || scope === 'ambito') && note.ente_id === actor.context.enteId) return true;
  return readable.has(privateNoteClass);
}

/** The diary of a scheda the caller has already found visible, oldest first. */
export async function loadIntakeNotes(
  db: Kysely<DB>,
  actor: ContextActor,
  intake: { id: string; created_by: string },
  readable: ReadonlySet<FieldClass>,
): Promise<IntakeNoteView[]> {
  const r = await sql<{ id: string; author_id: string; ente_id: string; author_name: string; written_at: Date; private: boolean; text: string }>`
    SELECT n.id, n.author_id, n.ente_id, op.given_name || ' ' || op.family_name AS author_name, n.written_at, n.private, n.text
      FROM intake_note n JOIN operator op ON op.id = n.author_id
     WHERE n.intake_id = ${intake.id} AND ${visible(actor, INTAKE_NOTE, 'n')}
     ORDER BY n.written_at, n.id`.execute(db);
  return r.rows.map((n) => ({
    id: n.id,
    authorId: n.author_id,
    authorName: n.author_name,
    writtenAt: n.written_at.toISOString(),
    private: n.private,
    text: !n.private || canReadPrivateNote(actor, n, intake, readable) ? n.text : MASKED,
  }));
}
