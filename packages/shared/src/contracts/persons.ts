import { z } from 'zod';
import { dateOnly, pageInput, pageOf, timestamp, uuid, version } from '../wire/primitives.js';
import { maskable } from '../wire/masked.js';
import { defineAction } from './define.js';
import { abilities } from './organisation-common.js';
import {
  addressInput,
  fiscalCodeInput,
  fiscalCodeKinds,
  personFields,
  personSummary,
  personView,
  protectionReasons,
  sexes,
} from './persons-common.js';

export * from './persons-common.js';

/**
 * Search-first (product brief module 2; architecture: "People are ambito-wide for identification").
 * `q` is a fiscal code or words of surname and name (typos, accents and order tolerated); the
 * birth date narrows. People in the actor's scope come in full (masked); others of the ambito as
 * a limited preview (`inScope: false`) so no duplicate is created, protected people never.
 */
export const personsFind = defineAction({
  name: 'persons.find',
  kind: 'query',
  access: 'context',
  summary: "Ricerca di persone nell'ambito per codice fiscale, nome e cognome, data di nascita (lettura registrata)",
  input: z
    .object({
      q: z.string().trim().max(120).optional(),
      birthDate: dateOnly.optional(),
      includeMerged: z.boolean().default(false),
      limit: z.number().int().min(1).max(50).default(20),
    })
    .refine((i) => (i.q && i.q.replace(/\s/g, '').length >= 2) || i.birthDate, { message: 'ricerca_vuota', path: ['q'] }),
  output: z.object({
    items: z.array(
      z.object({
        id: uuid,
        inScope: z.boolean(),
        score: z.number(),
        matchedOn: z.array(z.enum(['fiscalCode', 'name', 'alias', 'birthDate'])),
        anonymous: z.boolean(),
        anonymousCode: z.string().nullable(),
        fiscalCode: maskable(z.string().nullable()),
        fiscalCodeKind: z.enum(fiscalCodeKinds).nullable(),
        surname: maskable(z.string().nullable()),
        name: maskable(z.string().nullable()),
        sex: maskable(z.enum(sexes).nullable()),
        birthDate: maskable(dateOnly.nullable()),
        birthPlaceName: maskable(z.string().nullable()),
        /** The ente that holds the person (and, once case files exist, their case). */
        enteId: uuid,
        enteName: z.string(),
        deceased: z.boolean(),
        protected: z.boolean(),
        /** Filled by later modules (case file, open intake records, privacy status); null until then. */
        slots: z.record(z.string(), z.unknown()),
        abilities,
      }),
    ),
    /** Ranked search: no further page; `nextCursor` is always null (narrow the query instead). */
    nextCursor: z.null(),
    /** Proof of a search, required by persons.create (search before create). */
    searchToken: z.string().nullable(),
  }),
});

export const personsGet = defineAction({
  name: 'persons.get',
  kind: 'query',
  access: 'context',
  summary: 'Scheda anagrafica di una persona (lettura registrata; campi mascherati secondo il profilo)',
  input: z.object({ id: uuid }),
  output: personView,
});

export const personsHistory = defineAction({
  name: 'persons.history',
  kind: 'query',
  access: 'context',
  summary: 'Storia delle modifiche ai dati anagrafici di una persona (chi, quando, prima → dopo)',
  input: pageInput.extend({ id: uuid }),
  output: pageOf(
    z.object({
      id: uuid,
      at: timestamp,
      operatorName: z.string().nullable(),
      source: z.enum(['manual', 'registry', 'merge', 'fiscal_code_replacement', 'identification']),
      changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
      note: z.string().nullable(),
    }),
  ),
});

export const personsCreate = defineAction({
  name: 'persons.create',
  kind: 'mutation',
  access: 'context',
  summary: 'Crea una persona dopo la ricerca (con codice fiscale, temporaneo, STP/ENI o anonima)',
  input: personFields.extend({
    searchToken: z.string().min(10).max(2000),
    identity: z.enum(['identified', 'anonymous']).default('identified'),
    fiscalCode: fiscalCodeInput.nullable().optional(),
    /** Generate a temporary fiscal code (local only) for someone who has none. */
    temporaryFiscalCode: z.boolean().default(false),
    protectionReason: z.enum(protectionReasons).nullable().optional(),
    addresses: z.array(addressInput).max(10).optional(),
  }),
  output: personView,
});

export const personsUpdate = defineAction({
  name: 'persons.update',
  kind: 'mutation',
  access: 'context',
  summary: 'Modifica i dati anagrafici (storicizzati); un nuovo indirizzo chiude il precedente dello stesso tipo',
  input: personFields.extend({
    id: uuid,
    version,
    /** Identify an anonymous person: with names (and a fiscal code if known) it stops being anonymous. */
    identify: z.boolean().optional(),
    fiscalCode: fiscalCodeInput.nullable().optional(),
    protectionReason: z.enum(protectionReasons).nullable().optional(),
    /** A new residence or domicile: the current one of that kind ends the day before `validFrom`. */
    newAddress: addressInput.optional(),
  }),
  output: personView,
});

export const personsReplaceFiscalCode = defineAction({
  name: 'persons.replaceFiscalCode',
  kind: 'mutation',
  access: 'context',
  summary: 'Sostituisce il codice fiscale temporaneo (o errato) con quello definitivo, ovunque, in una sola operazione registrata',
  input: z.object({ id: uuid, version, fiscalCode: fiscalCodeInput, reason: z.string().trim().min(5).max(500) }),
  output: personView,
});

export const duplicateReasons = ['same_fiscal_code', 'omocodic_variant', 'same_name_birth_date', 'similar_name_birth_date', 'swapped_names', 'alias_match', 'computed_fiscal_code'] as const;

export const personsFindDuplicates = defineAction({
  name: 'persons.findDuplicates',
  kind: 'query',
  access: 'context',
  summary: "Coppie di probabili duplicati nell'ambito, con punteggio e motivi",
  input: z.object({ personId: uuid.optional(), minScore: z.number().min(0).max(1).default(0.6), limit: z.number().int().min(1).max(100).default(50) }),
  output: z.object({
    items: z.array(z.object({ a: personSummary, b: personSummary, score: z.number(), reasons: z.array(z.enum(duplicateReasons)) })),
    nextCursor: z.null(),
  }),
});

/** Fields chosen one by one in a merge: survivor's value or the merged person's. */
export const mergeableFields = [
  'fiscalCode', 'surname', 'name', 'sex', 'birthDate', 'birthPlace', 'citizenships', 'civilStatus', 'homeless',
  'receptionFacility', 'gp', 'healthCardNumber', 'stpEniCode', 'dateOfDeath', 'notes', 'anprId',
] as const;

export const personsMerge = defineAction({
  name: 'persons.merge',
  kind: 'mutation',
  access: 'context',
  summary: 'Unisce due persone duplicate scegliendo campo per campo; i riferimenti passano alla persona che resta',
  input: z.object({
    survivorId: uuid,
    survivorVersion: version,
    mergedId: uuid,
    mergedVersion: version,
    /** Fields to take from the merged person; all others keep the survivor's value. */
    takeFromMerged: z.array(z.enum(mergeableFields)).max(mergeableFields.length).default([]),
    reason: z.string().trim().min(5).max(500),
  }).refine((i) => i.survivorId !== i.mergedId, { message: 'stessa_persona', path: ['mergedId'] }),
  output: personView,
});

/** Identity, residence, household and civil status as the registry has them (neutral of ANPR's wire shape). */
export const registryPerson = z.object({
  fiscalCode: z.string(),
  fiscalCodeValidated: z.boolean(),
  anprId: z.string().nullable(),
  surname: z.string().nullable(),
  name: z.string().nullable(),
  sex: z.enum(sexes).nullable(),
  birthDate: dateOnly.nullable(),
  birthComuneIstat: z.string().nullable(),
  birthStateCode: z.string().nullable(),
  birthPlaceName: z.string().nullable(),
  citizenships: z.array(z.string()),
  civilStatus: z.string().nullable(),
  dateOfDeath: dateOnly.nullable(),
  residence: z
    .object({ street: z.string(), civic: z.string().nullable(), postalCode: z.string().nullable(), comuneIstat: z.string().nullable(), comuneName: z.string().nullable(), stateCode: z.string().nullable(), validFrom: dateOnly.nullable() })
    .nullable(),
  household: z.array(
    z.object({ fiscalCode: z.string().nullable(), surname: z.string().nullable(), name: z.string().nullable(), birthDate: dateOnly.nullable(), relationship: z.string().nullable() }),
  ),
});
export type RegistryPerson = z.infer<typeof registryPerson>;

export const personsLoadFromRegistry = defineAction({
  name: 'persons.loadFromRegistry',
  kind: 'query',
  access: 'context',
  summary: "Legge i dati dall'anagrafe (ANPR o anagrafe comunale) per precompilare la scheda; non modifica nulla",
  input: z.object({ fiscalCode: fiscalCodeInput, personId: uuid.optional(), reason: z.string().trim().min(3).max(200) }),
  output: z.object({
    source: z.enum(['anpr', 'municipal', 'none']),
    found: z.boolean(),
    person: registryPerson.nullable(),
    /** With personId: the fields where the registry differs from what we hold. */
    differences: z.array(z.object({ field: z.string(), current: z.unknown(), registry: z.unknown() })),
    warnings: z.array(z.string()),
  }),
});

export const personsContracts = {
  [personsFind.name]: personsFind,
  [personsGet.name]: personsGet,
  [personsHistory.name]: personsHistory,
  [personsCreate.name]: personsCreate,
  [personsUpdate.name]: personsUpdate,
  [personsReplaceFiscalCode.name]: personsReplaceFiscalCode,
  [personsFindDuplicates.name]: personsFindDuplicates,
  [personsMerge.name]: personsMerge,
  [personsLoadFromRegistry.name]: personsLoadFromRegistry,
} as const;
