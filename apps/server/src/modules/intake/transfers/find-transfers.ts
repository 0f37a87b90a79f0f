import { intakeTransfersFind } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const findTransfers = defineHandler(intakeTransfersFind, async () => {
  throw new Error('intakeTransfersFind not implemented yet');
});
