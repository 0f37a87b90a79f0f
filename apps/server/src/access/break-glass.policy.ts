import type { PolicyTable } from './policy.js';

/**
 * Only professional roles that may need urgent access to a person's full situation (e.g. an
 * emergency placement at night) hold break-the-glass; every use is audited and reported to the DPO.
 */
export const breakGlassPolicy = {
  'breakGlass.open': { profiles: ['assistente_sociale', 'responsabile_settore'] },
} satisfies PolicyTable<'breakGlass'>;
