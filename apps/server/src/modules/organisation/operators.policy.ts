import type { PolicyTable } from '../../access/policy.js';

const administrators = ['amministratore_sistema', 'amministratore_ambito'] as const;

/**
 * Operator accounts: the ambito administrator manages those assigned in the ambito; the system
 * administrator creates each ambito's administrators (access issue). What they may assign is bounded
 * by what they hold (operators.assign-check.ts).
 */
export const operatorsPolicy = {
  'operators.find': { profiles: administrators },
  'operators.get': { profiles: administrators },
  'operators.create': { profiles: administrators },
  'operators.update': { profiles: administrators },
  'operators.unlock': { profiles: administrators },
  'operators.resetPassword': { profiles: administrators },
  'operators.resetTotp': {
    profiles: administrators,
    note: 'A lost authenticator is reset by an administrator, never by the session itself (OWASP ASVS 2.8.x); the DPO is protected as for resetPassword (GDPR art. 38(3)).',
  },
} satisfies PolicyTable<'operators'>;

/**
 * Profiles: the ambito administrator builds the ambito's profiles from the region's templates; the
 * system administrator maintains the templates themselves (profiles with no ambito).
 */
export const profilesPolicy = {
  'profiles.find': { profiles: administrators },
  'profiles.upsert': { profiles: administrators },
} satisfies PolicyTable<'profiles'>;

/**
 * Access grants: the profiles that hold records share them (case sharing, "nascondi informazioni").
 * Later modules add the profiles of their own record holders.
 */
export const grantsPolicy = {
  'grants.create': { profiles: ['assistente_sociale', 'responsabile_settore'] },
  'grants.revoke': { profiles: ['assistente_sociale', 'responsabile_settore'] },
  // The DPO oversees every share of the ambito (GDPR art. 39(1)(b)); it reads none of the records shared.
  'grants.find': {
    profiles: ['assistente_sociale', 'responsabile_settore', 'dpo'],
    note: 'The shares of a record to whoever holds it (may write it); without a record, the shares one made, or every share of the ambito with an ambito scope (the DPO).',
  },
  'grants.subjects': { profiles: ['assistente_sociale', 'responsabile_settore'] },
} satisfies PolicyTable<'grants'>;
