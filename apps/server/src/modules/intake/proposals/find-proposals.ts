import { proposalsFind } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const findProposals = defineHandler(proposalsFind, async () => {
  throw new Error('proposalsFind not implemented yet');
});
