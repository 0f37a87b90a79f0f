import type { PolicyTable } from '../../access/policy.js';

const deskAndAccessPoints = ['operatore_sportello', 'assistente_sociale', 'responsabile_settore', 'operatore_terzo_settore'] as const;

/**
 * Privacy notice and optional consents (issue 5, point 3): recorded wherever the person is received,
 * third-sector access points included; read with the person (the people registry's scope decides).
 */
export const consentsPolicy = {
  'consents.get': { profiles: deskAndAccessPoints },
  'consents.record': { profiles: deskAndAccessPoints },
  'consents.withdraw': { profiles: deskAndAccessPoints },
  'consents.print': { profiles: deskAndAccessPoints },
} satisfies PolicyTable<'consents'>;
