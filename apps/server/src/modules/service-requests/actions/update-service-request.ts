import { serviceRequestsUpdate } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const updateServiceRequest = defineHandler(serviceRequestsUpdate, async () => {
  throw new Error('serviceRequestsUpdate not implemented yet');
});
