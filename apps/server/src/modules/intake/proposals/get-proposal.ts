import { proposalsGet } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const getProposal = defineHandler(proposalsGet, async () => {
  throw new Error('proposalsGet not implemented yet');
});
