import { intakeNotesCreate } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const createIntakeNote = defineHandler(intakeNotesCreate, async () => {
  throw new Error('intakeNotesCreate not implemented yet');
});
