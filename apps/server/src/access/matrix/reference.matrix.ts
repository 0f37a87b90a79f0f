import type { MatrixRow, Outcome, Persona } from './types.js';

/**
 * Hand-written: reference data (comuni, foreign states, code lists) is public data, but reading it is
 * still a permission — the operating profiles that fill in forms; not the administrators, the DPO or
 * the regional analyst, who fill in no registry form (and an ambito administrator's profile must stay
 * grantable by the system administrator, who holds none of these).
 */
const formFillers: Record<Persona, Outcome> = {
  sysadmin: 'forbidden',
  admin: 'forbidden',
  dpo: 'forbidden',
  sportello: 'ok',
  assistente: 'ok',
  responsabile: 'ok',
  regione: 'forbidden',
  terzosettore: 'ok',
};

export const referenceMatrix: MatrixRow[] = [
  { action: 'reference.comuni', targeted: false, input: async () => ({ q: 'castello' }), expect: formFillers },
  { action: 'reference.states', targeted: false, input: async () => ({ q: 'germania' }), expect: formFillers },
  { action: 'reference.codeList', targeted: false, input: async () => ({ list: 'anpr.stato_civile' }), expect: formFillers },
];
