import { proposalsMarkSeen } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const markProposalSeen = defineHandler(proposalsMarkSeen, async () => {
  throw new Error('proposalsMarkSeen not implemented yet');
});
