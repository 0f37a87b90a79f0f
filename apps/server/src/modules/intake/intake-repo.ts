import type { IntakeView } from '@siso/shared';
import type { ActionContext } from '../../http/action.js';
// SCAFFOLD (issue 5): internal API between the intake parts; the owner replaces the body.

/** The full, masked view of a visible scheda (404 otherwise); notes the read in the audit. */
export async function loadIntakeView(_ctx: ActionContext, _id: string): Promise<IntakeView> {
  throw new Error('loadIntakeView not implemented yet');
}
