import type { MatrixRow, Outcome, Persona } from './types.js';

// Hand-written: the DPO of the ambito, and nobody else — administrators included (architecture, "Audit").
const dpoOnly: Record<Persona, Outcome> = {
  sysadmin: 'forbidden',
  admin: 'forbidden',
  dpo: 'ok',
  sportello: 'forbidden',
  assistente: 'forbidden',
  responsabile: 'forbidden',
  regione: 'forbidden',
  terzosettore: 'forbidden',
};

export const auditMatrix: MatrixRow[] = [
  { action: 'audit.find', targeted: false, input: async () => ({ limit: 5 }), expect: dpoOnly },
  { action: 'audit.export', targeted: false, input: async () => ({ action: 'alerts.' }), expect: dpoOnly },
  { action: 'audit.verify', targeted: false, input: async () => ({}), expect: dpoOnly },
];
