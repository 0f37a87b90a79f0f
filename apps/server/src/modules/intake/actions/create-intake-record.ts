import { intakeRecordsCreate } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const createIntakeRecord = defineHandler(intakeRecordsCreate, async () => {
  throw new Error('intakeRecordsCreate not implemented yet');
});
