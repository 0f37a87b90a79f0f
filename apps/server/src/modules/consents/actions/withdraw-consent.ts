import { consentsWithdraw } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const withdrawConsent = defineHandler(consentsWithdraw, async () => {
  throw new Error('consentsWithdraw not implemented yet');
});
