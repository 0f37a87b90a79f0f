import type { PolicyTable } from '../../access/policy.js';

const administrators = ['amministratore_sistema', 'amministratore_ambito'] as const;

/**
 * Configuration-defined fields: the installation's administrator keeps the region's templates, the
 * ambito's administrator the ambito's own fields (as profiles: modules/fields/fields.repo.ts
 * `fieldEditable`). Operators never read definitions through this action: the owning modules hand the
 * definitions that apply to their forms (e.g. the intake desk) with their own outputs.
 */
export const fieldsPolicy = {
  'fields.find': { profiles: administrators },
  'fields.upsert': {
    profiles: administrators,
    note: 'A field may only move to a stricter class (public < personal < special, judicial, reserved, foreigner): stored values must never become readable by more people (GDPR art. 5(1)(f), 25).',
  },
} satisfies PolicyTable<'fields'>;
