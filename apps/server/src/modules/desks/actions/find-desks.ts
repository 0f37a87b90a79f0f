import { desksFind } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const findDesks = defineHandler(desksFind, async () => {
  throw new Error('desksFind not implemented yet');
});
