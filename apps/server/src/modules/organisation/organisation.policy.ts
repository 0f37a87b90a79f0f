import type { PolicyTable } from '../../access/policy.js';
import { profileCodes } from '../../access/profiles.js';

/**
 * Administration of the tenancy tree (product brief, module 1; access issue). The system
 * administrator manages the region's ambiti and, to set up a new ambito, its first enti, offices
 * and administrators; the ambito administrator manages everything inside their ambito.
 */
const administrators = ['amministratore_sistema', 'amministratore_ambito'] as const;

export const organisationPolicy = {
  // Organisational data is class `public`: every operator may see the tree of their ambito.
  'organisation.tree': { profiles: profileCodes },
} satisfies PolicyTable<'organisation'>;

export const ambitiPolicy = {
  'ambiti.upsert': { profiles: ['amministratore_sistema'], note: "Gli ambiti sono configurati a livello regionale." },
} satisfies PolicyTable<'ambiti'>;

export const entesPolicy = {
  'entes.upsert': { profiles: administrators },
} satisfies PolicyTable<'entes'>;

export const officesPolicy = {
  'offices.upsert': { profiles: administrators },
} satisfies PolicyTable<'offices'>;

export const contactPointsPolicy = {
  'contactPoints.upsert': { profiles: administrators },
} satisfies PolicyTable<'contactPoints'>;
