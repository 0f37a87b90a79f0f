import type { PolicyTable } from './policy.js';

/**
 * Only professional roles that may need urgent access to a person's full situation (e.g. an
 * emergency placement at night) hold break-the-glass; every use is audited and reported to the DPO.
 */
export const breakGlassPolicy = {
  'breakGlass.open': { profiles: ['assistente_sociale', 'responsabile_settore'] },
  // Who opens one sees their own, open and past; the DPO every one of the ambito (art. 39(1)(b)).
  'breakGlass.find': {
    profiles: ['assistente_sociale', 'responsabile_settore', 'dpo'],
    note: "One's own emergency accesses, or every one of the ambito with an ambito scope (the DPO).",
  },
} satisfies PolicyTable<'breakGlass'>;
