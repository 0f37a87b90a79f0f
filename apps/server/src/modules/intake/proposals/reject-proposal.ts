import { proposalsReject } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const rejectProposal = defineHandler(proposalsReject, async () => {
  throw new Error('proposalsReject not implemented yet');
});
