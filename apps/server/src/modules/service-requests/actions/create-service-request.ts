import { serviceRequestsCreate } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const createServiceRequest = defineHandler(serviceRequestsCreate, async () => {
  throw new Error('serviceRequestsCreate not implemented yet');
});
