/**
 * The default profiles (region-level templates; the demo personas hold one each). Administrators
 * build ambito profiles from these templates (access issue).
 */
export const profileCodes = [
  'amministratore_sistema',
  'amministratore_ambito',
  'dpo',
  'operatore_sportello',
  'assistente_sociale',
  'responsabile_settore',
  'analista_regionale',
  'operatore_terzo_settore',
] as const;
export type ProfileCode = (typeof profileCodes)[number];
