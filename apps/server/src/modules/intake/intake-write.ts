import type { IntakeSectionsInput } from '@siso/shared';
import type { ActionContext } from '../../http/action.js';
// SCAFFOLD (issue 5): internal API between the intake parts; the owner replaces the body.

/** Inserts a scheda in the actor's desk (number, sections, custom fields); returns its id. */
export async function insertIntake(_ctx: ActionContext, _sections: IntakeSectionsInput, _extra: { receivedFrom?: string }): Promise<string> {
  throw new Error('insertIntake not implemented yet');
}
