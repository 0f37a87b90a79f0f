import { desksConfigure } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const configureDesk = defineHandler(desksConfigure, async () => {
  throw new Error('desksConfigure not implemented yet');
});
