import type { IntakeNoteView } from '@siso/shared';
import type { FieldClass } from '../../access/field-classes.js';
import { presentRecord, type ReadAudit } from '../../access/present.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { INTAKE_NOTE } from './intake-kinds.js';
import type { IntakeNoteRow } from './intake-view-query.js';

/**
 * The one presenter of a diary note (siso-original SS_DIARIO): a private note is listed to whoever
 * sees the scheda, its text masked but for the readers its registration names (access/record-kind-rules.ts,
 * `reserved`: author, the scheda's creator, the ente's managers, holders of the `reserved` class). The
 * diary is read as part of its scheda: a break-the-glass of the actor on the scheda (`opened_classes`)
 * opens its private notes as it opens the scheda's own fields (issue 11, point 1).
 */
export function presentIntakeNote(
  ctx: ReadAudit,
  actor: ContextActor,
  n: IntakeNoteRow,
  intake: { created_by: string; person_id: string | null; opened_classes?: readonly FieldClass[] | null },
): IntakeNoteView {
  const view = { id: n.id, authorId: n.author_id, authorName: n.author_name, writtenAt: new Date(n.written_at).toISOString(), private: n.private, text: n.text };
  return presentRecord(ctx, actor, INTAKE_NOTE, view, {
    id: n.id,
    about: [intake.person_id],
    listed: true,
    opened: intake.opened_classes ?? null,
    reservedFacts: { authorId: n.author_id, enteId: n.ente_id, intakeCreatedBy: intake.created_by },
  }) as IntakeNoteView;
}
