import { intakeRecordsExport } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const exportIntakeRecords = defineHandler(intakeRecordsExport, async () => {
  throw new Error('intakeRecordsExport not implemented yet');
});
