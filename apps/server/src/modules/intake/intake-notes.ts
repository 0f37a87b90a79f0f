import type { IntakeNoteView } from '@siso/shared';
import { presentRecord, type ReadAudit } from '../../access/present.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { INTAKE_NOTE } from './intake-kinds.js';
import type { IntakeNoteRow } from './intake-view-query.js';

/**
 * The one presenter of a diary note (siso-original SS_DIARIO): a private note is listed to whoever
 * sees the scheda, its text masked but for the readers its registration names (access/record-kind-rules.ts,
 * `reserved`: author, the scheda's creator, the ente's managers, holders of the `reserved` class).
 */
export function presentIntakeNote(ctx: ReadAudit, actor: ContextActor, n: IntakeNoteRow, intake: { created_by: string; person_id: string | null }): IntakeNoteView {
  const view = { id: n.id, authorId: n.author_id, authorName: n.author_name, writtenAt: new Date(n.written_at).toISOString(), private: n.private, text: n.text };
  return presentRecord(ctx, actor, INTAKE_NOTE, view, {
    id: n.id,
    about: [intake.person_id],
    listed: true,
    reservedFacts: { authorId: n.author_id, enteId: n.ente_id, intakeCreatedBy: intake.created_by },
  }) as IntakeNoteView;
}
