import type { PolicyTable } from '../../access/policy.js';

const deskAndAccessPoints = ['operatore_sportello', 'assistente_sociale', 'responsabile_settore', 'operatore_terzo_settore'] as const;

/** Service requests follow the scheda they belong to (issue 5, point 2): whoever may write the scheda. */
export const serviceRequestsPolicy = {
  'serviceRequests.create': { profiles: deskAndAccessPoints },
  'serviceRequests.update': { profiles: deskAndAccessPoints },
} satisfies PolicyTable<'serviceRequests'>;

export const attachmentsPolicy = {
  'attachments.get': { profiles: deskAndAccessPoints },
} satisfies PolicyTable<'attachments'>;

/** The catalogue is organisational data: everyone who records requests, and administrators, read it. */
export const serviceCataloguePolicy = {
  'serviceCatalogue.find': { profiles: [...deskAndAccessPoints, 'amministratore_ambito', 'amministratore_sistema'] },
} satisfies PolicyTable<'serviceCatalogue'>;
