import { consentsGet } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const getPrivacy = defineHandler(consentsGet, async () => {
  throw new Error('consentsGet not implemented yet');
});
