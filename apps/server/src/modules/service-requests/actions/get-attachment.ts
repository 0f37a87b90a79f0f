import { attachmentsGet } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const getAttachment = defineHandler(attachmentsGet, async () => {
  throw new Error('attachmentsGet not implemented yet');
});
