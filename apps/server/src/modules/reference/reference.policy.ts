import type { PolicyTable } from '../../access/policy.js';

const operating = ['operatore_sportello', 'assistente_sociale', 'responsabile_settore', 'operatore_terzo_settore'] as const;

/** Reference data (comuni, states, code lists): public data, still a permission like every action. */
export const referencePolicy = {
  'reference.comuni': { profiles: operating },
  'reference.states': { profiles: operating },
  'reference.codeList': { profiles: operating },
} satisfies PolicyTable<'reference'>;
