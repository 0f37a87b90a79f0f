import { createServiceRequest } from './actions/create-service-request.js';
import { updateServiceRequest } from './actions/update-service-request.js';
import { getAttachment } from './actions/get-attachment.js';
import { findServiceCatalogue } from './actions/find-service-catalogue.js';

/** Service requests of a scheda, their attachments and the service catalogue (issue 5). */
export const serviceRequestsHandlers = {
  'serviceRequests.create': createServiceRequest,
  'serviceRequests.update': updateServiceRequest,
  'attachments.get': getAttachment,
  'serviceCatalogue.find': findServiceCatalogue,
} as const;
