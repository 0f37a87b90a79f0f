import { z } from 'zod';
import { dateOnly, timestamp, uuid, version } from '../wire/primitives.js';
import { plainText } from '../wire/input-hygiene.js';
import { maskable } from '../wire/masked.js';
import { abilities } from './organisation-common.js';

/**
 * People registry (anagrafe soggetti; product brief module 2; siso-original §4.1). Shapes shared by
 * persons.* and households.* actions.
 */

const text = (max: number) => plainText(max).min(1);

/** Codice fiscale as typed: blanks removed, upper case; the rules live in `fiscal-code/`. */
export const fiscalCodeInput = z
  .string()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{16}$/, 'codice_fiscale_formato'));

/**
 * What the fiscal code of a person is:
 * - `definitive`: a code of the Agenzia delle Entrate (checked: check character, omocodia, date);
 * - `temporary`: generated here for someone without one (product brief): local only, never sent to
 *   ANPR, INPS or any other external system, later replaced with `persons.replaceFiscalCode`;
 * - `stp` / `eni`: codes of the health service for foreigners without a permit (STP, D.Lgs. 286/1998
 *   art. 35) and for EU citizens without health cover (ENI); they are not fiscal codes.
 */
export const fiscalCodeKinds = ['definitive', 'temporary', 'stp', 'eni'] as const;
export type FiscalCodeKind = (typeof fiscalCodeKinds)[number];

/** Why a person is protected (product brief: victims of violence, adoptions). */
export const protectionReasons = ['violence', 'adoption', 'witness', 'other'] as const;
export type ProtectionReason = (typeof protectionReasons)[number];

export const sexes = ['M', 'F'] as const;
export const contactKinds = ['phone', 'mobile', 'email', 'pec', 'other'] as const;
/** Who a phone number or address belongs to (siso-original: titolareTelefono/Cellulare/Email). */
export const contactOwners = ['self', 'relative', 'guardian', 'facility', 'other'] as const;
/** ANPR tipo indirizzo (tabella 25): 1 residenza, 3 domicilio. */
export const addressKinds = ['residence', 'domicile'] as const;

export const contactInput = z.object({
  kind: z.enum(contactKinds),
  value: text(200),
  owner: z.enum(contactOwners).default('self'),
  ownerName: text(200).nullable().optional(),
  note: text(500).nullable().optional(),
});
export type ContactInput = z.infer<typeof contactInput>;
export const contactView = z.object({
  kind: z.enum(contactKinds),
  value: z.string(),
  owner: z.enum(contactOwners),
  ownerName: z.string().nullable(),
  note: z.string().nullable(),
});

/** A place: an Italian comune (ISTAT code) or a foreign state (ISTAT 3-digit state code), never both. */
export const addressInput = z
  .object({
    kind: z.enum(addressKinds),
    street: text(200),
    civic: text(20).nullable().optional(),
    postalCode: z.string().regex(/^[0-9]{5}$/, 'invalid_format').nullable().optional(),
    comuneIstat: z.string().regex(/^[0-9]{6}$/, 'invalid_format').nullable().optional(),
    stateCode: z.string().regex(/^[0-9]{3}$/, 'invalid_format').nullable().optional(),
    locality: text(200).nullable().optional(),
    validFrom: dateOnly,
    validTo: dateOnly.nullable().optional(),
  })
  .refine((a) => Boolean(a.comuneIstat) !== Boolean(a.stateCode), { message: 'comune_o_stato', path: ['comuneIstat'] })
  .refine((a) => !a.validTo || a.validTo >= a.validFrom, { message: 'date_invertite', path: ['validTo'] });
export type AddressInput = z.infer<typeof addressInput>;
export const addressView = z.object({
  id: uuid,
  kind: z.enum(addressKinds),
  street: z.string(),
  civic: z.string().nullable(),
  postalCode: z.string().nullable(),
  comuneIstat: z.string().nullable(),
  comuneName: z.string().nullable(),
  stateCode: z.string().nullable(),
  stateName: z.string().nullable(),
  locality: z.string().nullable(),
  validFrom: dateOnly,
  validTo: dateOnly.nullable(),
  /** Where it came from: typed by an operator or applied from the registry (ANPR sync). */
  source: z.enum(['manual', 'registry']),
});
export type AddressView = z.infer<typeof addressView>;

export const aliasInput = z.object({ surname: text(100), name: text(100).nullable().optional(), note: text(300).nullable().optional() });
export const aliasView = z.object({ surname: z.string(), name: z.string().nullable(), note: z.string().nullable() });

/** The general practitioner (siso-original CS_A_SOGGETTO_MEDICO): health data, class `special`. */
export const gpInput = z.object({ name: text(200), regionalCode: text(20).nullable().optional(), phone: text(40).nullable().optional() });
export const gpView = z.object({ name: z.string(), regionalCode: z.string().nullable(), phone: z.string().nullable() });

const isoNumeric = z.string().regex(/^[0-9]{3}$/, 'invalid_format');

/** Fields an operator writes on create and update (all optional on update). */
export const personFields = z.object({
  surname: text(100).nullable().optional(),
  name: text(100).nullable().optional(),
  sex: z.enum(sexes).nullable().optional(),
  birthDate: dateOnly.nullable().optional(),
  /** Comune of birth (ISTAT code, valid on the birth date) or foreign state (ISTAT code). */
  birthComuneIstat: z.string().regex(/^[0-9]{6}$/, 'invalid_format').nullable().optional(),
  birthStateCode: isoNumeric.nullable().optional(),
  /** Citizenships as ISTAT state codes (the SIUSS flow maps them to ISO 3166 numeric). */
  citizenships: z.array(isoNumeric).max(3).optional(),
  /** ANPR stato civile (tabella 1). */
  civilStatus: z.string().max(4).nullable().optional(),
  contacts: z.array(contactInput).max(20).optional(),
  homeless: z.boolean().optional(),
  receptionFacility: text(200).nullable().optional(),
  gp: gpInput.nullable().optional(),
  healthCardNumber: z.string().trim().regex(/^[0-9A-Z]{8,20}$/, 'invalid_format').nullable().optional(),
  stpEniCode: z.string().trim().toUpperCase().regex(/^(STP|ENI)[0-9]{13}$/, 'stp_eni_formato').nullable().optional(),
  dateOfDeath: dateOnly.nullable().optional(),
  notes: text(4000).nullable().optional(),
  aliases: z.array(aliasInput).max(20).optional(),
  /** Follow registry changes (nightly ANPR sync); on by default for people with an open case. */
  registrySync: z.boolean().optional(),
  anprId: z.string().regex(/^[0-9A-Z]{1,20}$/, 'invalid_format').nullable().optional(),
});
export type PersonFields = z.infer<typeof personFields>;

/** A person as seen by someone whose scope covers them: masked per field class (persons.fields.ts). */
export const personView = z.object({
  id: uuid,
  ambitoId: uuid,
  enteId: uuid,
  enteName: z.string(),
  officeId: uuid,
  anonymous: z.boolean(),
  /** The generated identifier of an anonymous person ("ANON-…"), shown instead of a name. */
  anonymousCode: z.string().nullable(),
  fiscalCode: maskable(z.string().nullable()),
  fiscalCodeKind: z.enum(fiscalCodeKinds).nullable(),
  surname: maskable(z.string().nullable()),
  name: maskable(z.string().nullable()),
  sex: maskable(z.enum(sexes).nullable()),
  birthDate: maskable(dateOnly.nullable()),
  birthComuneIstat: maskable(z.string().nullable()),
  birthStateCode: maskable(z.string().nullable()),
  birthPlaceName: maskable(z.string().nullable()),
  citizenships: maskable(z.array(z.string())),
  civilStatus: maskable(z.string().nullable()),
  contacts: maskable(z.array(contactView)),
  /** Residence and domicile with their history; masked for a protected person unless granted. */
  addresses: maskable(z.array(addressView)),
  homeless: maskable(z.boolean()),
  receptionFacility: maskable(z.string().nullable()),
  gp: maskable(gpView.nullable()),
  healthCardNumber: maskable(z.string().nullable()),
  stpEniCode: maskable(z.string().nullable()),
  dateOfDeath: maskable(dateOnly.nullable()),
  notes: maskable(z.string().nullable()),
  aliases: maskable(z.array(aliasView)),
  anprId: maskable(z.string().nullable()),
  registrySync: z.boolean(),
  registryCheckedAt: timestamp.nullable(),
  deceased: z.boolean(),
  protected: z.boolean(),
  protectionReason: maskable(z.enum(protectionReasons).nullable()),
  /** Set on a person merged into another: reads of the old id point to the survivor. */
  mergedInto: uuid.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
  abilities,
});
export type PersonView = z.infer<typeof personView>;

/** A compact person for lists (duplicates, household members): preview fields only. */
export const personSummary = z.object({
  id: uuid,
  anonymousCode: z.string().nullable(),
  fiscalCode: maskable(z.string().nullable()),
  fiscalCodeKind: z.enum(fiscalCodeKinds).nullable(),
  surname: maskable(z.string().nullable()),
  name: maskable(z.string().nullable()),
  birthDate: maskable(dateOnly.nullable()),
  enteName: z.string(),
  deceased: z.boolean(),
  version,
});
export type PersonSummary = z.infer<typeof personSummary>;
