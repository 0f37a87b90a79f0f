import { consentsRecord } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const recordConsents = defineHandler(consentsRecord, async () => {
  throw new Error('consentsRecord not implemented yet');
});
