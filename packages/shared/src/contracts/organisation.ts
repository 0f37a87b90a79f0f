import { z } from 'zod';
import { enteKinds, officeTypes } from '../organisation.js';
import { uuid, version } from '../wire/primitives.js';
import { plainText } from '../wire/input-hygiene.js';
import { defineAction } from './define.js';
import { abilities } from './organisation-common.js';
import { operatorsContracts } from './organisation-operators.js';
import { profilesContracts } from './organisation-profiles.js';
import { grantsContracts } from './organisation-grants.js';

export * from './organisation-common.js';
export * from './organisation-operators.js';
export * from './organisation-profiles.js';
export * from './organisation-grants.js';


const optionalText = (max: number) => plainText(max).nullable().optional();

export const contactPointView = z.object({
  id: uuid,
  officeId: uuid,
  name: z.string(),
  address: z.string().nullable(),
  openingHours: z.string().nullable(),
  version,
  abilities,
});
export type ContactPointView = z.infer<typeof contactPointView>;

export const officeView = z.object({
  id: uuid,
  enteId: uuid,
  type: z.enum(officeTypes),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  archived: z.boolean(),
  version,
  abilities,
  contactPoints: z.array(contactPointView),
});
export type OfficeView = z.infer<typeof officeView>;

export const enteView = z.object({
  id: uuid,
  ambitoId: uuid,
  kind: z.enum(enteKinds),
  name: z.string(),
  fiscalCode: z.string().nullable(),
  belfioreCode: z.string().nullable(),
  istatCode: z.string().nullable(),
  isCapofila: z.boolean(),
  archived: z.boolean(),
  version,
  abilities,
  offices: z.array(officeView),
});
export type EnteView = z.infer<typeof enteView>;

export const ambitoView = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  version,
  abilities,
  enti: z.array(enteView),
});
export type AmbitoView = z.infer<typeof ambitoView>;

export const organisationTree = defineAction({
  name: 'organisation.tree',
  kind: 'query',
  access: 'context',
  summary: "Albero dell'organizzazione: ambiti, enti, uffici e punti di contatto visibili al profilo",
  input: z.object({ ambitoId: uuid.optional() }),
  output: z.object({
    regione: z.object({ id: uuid, name: z.string() }),
    ambiti: z.array(ambitoView),
    /** Actions the actor may start at the root (e.g. `ambiti.upsert` to create an ambito). */
    abilities,
  }),
});

/** Create (no id) or update (id + version). */
const upsertKey = { id: uuid.optional(), version: version.optional() };

export const ambitiUpsert = defineAction({
  name: 'ambiti.upsert',
  kind: 'mutation',
  access: 'context',
  summary: 'Crea o modifica un ambito territoriale della regione',
  input: z.object({ ...upsertKey, code: z.string().trim().min(1).max(20), name: z.string().trim().min(1).max(200) }),
  output: ambitoView.omit({ enti: true }),
});

export const entesUpsert = defineAction({
  name: 'entes.upsert',
  kind: 'mutation',
  access: 'context',
  summary: "Crea o modifica un ente dell'ambito (uno solo capofila)",
  input: z.object({
    ...upsertKey,
    ambitoId: uuid,
    kind: z.enum(enteKinds).exclude(['regione']),
    name: z.string().trim().min(1).max(200),
    fiscalCode: z.string().trim().regex(/^[0-9]{11}$/, 'invalid_format').nullable().optional(),
    belfioreCode: z.string().trim().regex(/^[A-Z][0-9]{3}$/, 'invalid_format').nullable().optional(),
    istatCode: z.string().trim().regex(/^[0-9]{6}$/, 'invalid_format').nullable().optional(),
    isCapofila: z.boolean().default(false),
  }),
  output: enteView.omit({ offices: true }),
});

export const officesUpsert = defineAction({
  name: 'offices.upsert',
  kind: 'mutation',
  access: 'context',
  summary: "Crea o modifica un ufficio (settore, servizio, sportello) di un ente",
  input: z.object({
    ...upsertKey,
    enteId: uuid,
    type: z.enum(officeTypes),
    name: z.string().trim().min(1).max(200),
    email: z.email().max(200).nullable().optional(),
    phone: optionalText(50),
    archived: z.boolean().optional(),
  }),
  output: officeView.omit({ contactPoints: true }),
});

export const contactPointsUpsert = defineAction({
  name: 'contactPoints.upsert',
  kind: 'mutation',
  access: 'context',
  summary: "Crea o modifica un punto di contatto (sede fisica) di un ufficio",
  input: z.object({
    ...upsertKey,
    officeId: uuid,
    name: z.string().trim().min(1).max(200),
    address: optionalText(300),
    openingHours: optionalText(300),
  }),
  output: contactPointView,
});

/** Every action of the organisation, access and profiles module (product brief, module 1). */
export const organisationContracts = {
  [organisationTree.name]: organisationTree,
  [ambitiUpsert.name]: ambitiUpsert,
  [entesUpsert.name]: entesUpsert,
  [officesUpsert.name]: officesUpsert,
  [contactPointsUpsert.name]: contactPointsUpsert,
  ...operatorsContracts,
  ...profilesContracts,
  ...grantsContracts,
} as const;
