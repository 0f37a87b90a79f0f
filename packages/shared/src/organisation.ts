/**
 * Office types of the tenancy tree (product brief, module 1; access issue): the type drives
 * field policies (e.g. the foreigners' desk) and which inboxes an office has.
 */
export const officeTypes = [
  'sportello_accoglienza',
  'sportello_stranieri',
  'sportello_tematico',
  'servizio_sociale_professionale',
  'servizio_secondo_livello',
  'ufficio_amministrativo',
  'terzo_settore',
] as const;
export type OfficeType = (typeof officeTypes)[number];

/** Professional type of an assignment (operator × office). */
export const professionalTypes = [
  'assistente_sociale',
  'educatore',
  'psicologo',
  'operatore_sportello',
  'amministrativo',
  'responsabile',
  'mediatore_culturale',
  'operatore_terzo_settore',
  'analista',
  'amministratore_sistema',
  'responsabile_protezione_dati',
] as const;
export type ProfessionalType = (typeof professionalTypes)[number];

export const enteKinds = ['comune', 'unione', 'asl', 'terzo_settore', 'regione', 'altro'] as const;
export type EnteKind = (typeof enteKinds)[number];
