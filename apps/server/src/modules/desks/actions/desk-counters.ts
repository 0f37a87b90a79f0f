import { desksCounters } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const deskCounters = defineHandler(desksCounters, async () => {
  throw new Error('desksCounters not implemented yet');
});
