import type { OfficeType } from '@siso/shared';
import { officeTypes } from '@siso/shared';
import type { ProfileCode } from '../access/profiles.js';

/**
 * The demo region (issue "Platform foundation"): two ambiti with two comuni each, offices of every
 * type in every comune, and the personas of the access issue in three comuni so every boundary
 * (same office, other ente of the ambito, other ambito) can be shown and tested.
 * Real comuni of Umbria (ISTAT / Belfiore codes from the vendored ANPR archive).
 */
export const demoRegione = { istatCode: '10', name: 'Regione Umbria' };

export interface DemoComune {
  key: string;
  name: string;
  belfiore: string;
  istat: string;
  capofila: boolean;
  personaSuffix: '' | 'B' | '2' | null;
}

export const demoAmbiti: Array<{ code: string; name: string; comuni: DemoComune[] }> = [
  {
    code: 'ZS1',
    name: 'Zona sociale n. 1 — Alto Tevere',
    comuni: [
      { key: 'castello', name: 'Comune di Città di Castello', belfiore: 'C745', istat: '054013', capofila: true, personaSuffix: '' },
      { key: 'umbertide', name: 'Comune di Umbertide', belfiore: 'D786', istat: '054056', capofila: false, personaSuffix: 'B' },
    ],
  },
  {
    code: 'ZS2',
    name: 'Zona sociale n. 2 — Perugino',
    comuni: [
      { key: 'perugia', name: 'Comune di Perugia', belfiore: 'G478', istat: '054039', capofila: true, personaSuffix: '2' },
      { key: 'corciano', name: 'Comune di Corciano', belfiore: 'C990', istat: '054015', capofila: false, personaSuffix: null },
    ],
  },
];

export const officeNames: Record<OfficeType, string> = {
  sportello_accoglienza: 'Sportello di Segretariato Sociale',
  sportello_stranieri: 'Sportello Immigrati',
  sportello_tematico: 'Sportello tematico Home Care Premium',
  servizio_sociale_professionale: 'Servizio Sociale Professionale',
  servizio_secondo_livello: 'Équipe minori (secondo livello)',
  ufficio_amministrativo: 'Ufficio amministrativo servizi sociali',
  terzo_settore: 'Cooperativa sociale convenzionata',
};
export const demoOfficeTypes = officeTypes;

export type PersonaCode = 'sysadmin' | 'admin' | 'dpo' | 'sportello' | 'assistente' | 'responsabile' | 'regione' | 'terzosettore';

/**
 * The personas and where they work. Their permissions here are the foundation's minimum (what the
 * shell needs); the access issue replaces them with the full profile model.
 */
export const personas: Array<{
  code: PersonaCode;
  givenName: string;
  familyName: string;
  office: OfficeType | 'regione';
  professionalType: string;
  profile: ProfileCode;
}> = [
  { code: 'sysadmin', givenName: 'Sara', familyName: 'Sistemi', office: 'regione', professionalType: 'amministratore_sistema', profile: 'amministratore_sistema' },
  { code: 'admin', givenName: 'Alberto', familyName: 'Amministra', office: 'ufficio_amministrativo', professionalType: 'amministrativo', profile: 'amministratore_ambito' },
  { code: 'dpo', givenName: 'Daniela', familyName: 'Protezione', office: 'ufficio_amministrativo', professionalType: 'responsabile_protezione_dati', profile: 'dpo' },
  { code: 'sportello', givenName: 'Silvia', familyName: 'Accoglienza', office: 'sportello_accoglienza', professionalType: 'operatore_sportello', profile: 'operatore_sportello' },
  { code: 'assistente', givenName: 'Anna', familyName: 'Sociale', office: 'servizio_sociale_professionale', professionalType: 'assistente_sociale', profile: 'assistente_sociale' },
  { code: 'responsabile', givenName: 'Roberto', familyName: 'Settore', office: 'servizio_sociale_professionale', professionalType: 'responsabile', profile: 'responsabile_settore' },
  { code: 'regione', givenName: 'Renata', familyName: 'Osservatorio', office: 'regione', professionalType: 'analista', profile: 'analista_regionale' },
  { code: 'terzosettore', givenName: 'Tommaso', familyName: 'Cooperativa', office: 'terzo_settore', professionalType: 'operatore_terzo_settore', profile: 'operatore_terzo_settore' },
];

/**
 * Default profiles: scope, readable and writable field classes here, permissions from the policy tables
 * (access/policies.ts), so a new action reaches the right personas by its rule alone.
 */
export const demoProfiles: Array<{ code: ProfileCode; name: string; scope: string; readable: string[]; writable: string[] }> = [
  { code: 'amministratore_sistema', name: 'Amministratore di sistema', scope: 'installation', readable: ['public'], writable: ['public'] },
  { code: 'amministratore_ambito', name: "Amministratore dell'ambito", scope: 'ambito', readable: ['public', 'personal'], writable: ['public', 'personal'] },
  { code: 'dpo', name: 'Responsabile della protezione dei dati', scope: 'ambito', readable: ['public', 'personal'], writable: ['public'] },
  { code: 'operatore_sportello', name: 'Operatore di sportello', scope: 'office', readable: ['public', 'personal', 'foreigner'], writable: ['public', 'personal', 'foreigner'] },
  { code: 'assistente_sociale', name: 'Assistente sociale', scope: 'own', readable: ['public', 'personal', 'special', 'judicial', 'foreigner'], writable: ['public', 'personal', 'special', 'judicial', 'foreigner'] },
  { code: 'responsabile_settore', name: 'Responsabile di settore', scope: 'ente', readable: ['public', 'personal', 'special', 'judicial', 'foreigner'], writable: ['public', 'personal', 'special', 'judicial', 'foreigner'] },
  { code: 'analista_regionale', name: 'Analista regionale', scope: 'region_aggregate', readable: ['public'], writable: ['public'] },
  { code: 'operatore_terzo_settore', name: 'Operatore del terzo settore', scope: 'own', readable: ['public', 'personal'], writable: ['public', 'personal'] },
];
