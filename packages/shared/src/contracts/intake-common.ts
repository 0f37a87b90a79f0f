import { z } from 'zod';
import { maskable } from '../wire/masked.js';
import { dateOnly, money, timestamp, uuid } from '../wire/primitives.js';
import { plainText } from '../wire/input-hygiene.js';

/**
 * Intake desk (Sportello di Segretariato Sociale): the scheda accesso and its sections (issue 5,
 * product brief module 3, siso-original §3.1–3.2 and §5.1). Pure schemas: used by the server, the
 * browser and the benchmark. Sections are all-optional on input so a scheda can be saved incomplete;
 * `intakeRecords.complete` checks the mandatory ones (desk configuration) with `missingSections`.
 */

/** Modalità di accesso (siso-original §5.1, Java constants). */
export const accessModes = ['in_person', 'email', 'home_visit', 'written_referral', 'phone_referral', 'other_remote'] as const;
/** Motivo accesso: spontaneo, inviato da, convocato, decreto. */
export const accessReasons = ['spontaneous', 'sent_by', 'summoned', 'decree'] as const;
/** Interlocutore: the user, a relative or acquaintance, an organisation, the judicial authority, an institution, other. */
export const interlocutorTypes = ['user', 'relative', 'organisation', 'judicial_authority', 'institution', 'other'] as const;
/** Utente presente o informato. */
export const userPresence = ['present', 'informed', 'not_informed'] as const;
/** Esito intervento (SS_TIPO_SCHEDA): information only, oriented, sent on, proposal to take charge (presa_in_carico). */
export const intakeOutcomes = ['information', 'oriented', 'sent', 'take_charge_proposal'] as const;
/** Categoria sociale (CS_C_CATEGORIA_SOCIALE), the target of the professional service. */
export const socialCategories = ['famiglia_minori', 'disabili', 'adulti', 'anziani', 'dipendenze', 'salute_mentale', 'immigrati', 'poverta'] as const;
export type SocialCategory = (typeof socialCategories)[number];
export const intakeStatuses = ['incomplete', 'complete'] as const;
export const intakeSections = ['access', 'interlocutor', 'user', 'references', 'social', 'foreigner', 'needs', 'services', 'outcome'] as const;
export type IntakeSection = (typeof intakeSections)[number];
/** Interventions done at the desk (SS_INTERVENTO, SS_INTERVENTO_ECONOMICO). */
export const deskInterventionTypes = ['orientation', 'information', 'economic_help', 'sent_to_external', 'sent_to_office', 'other'] as const;
export const permitStatuses = ['valid', 'expired', 'renewal_pending', 'none'] as const;
/** International protection status (D.Lgs. 251/2007; D.L. 130/2020 special protection). */
export const protectionStatuses = ['none', 'applicant', 'refugee', 'subsidiary', 'special', 'humanitarian'] as const;
/** CEFR levels of Italian (FAMI projects report them). */
export const languageLevels = ['none', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export const arrivalChannels = ['regular_entry', 'family_reunification', 'sea', 'land', 'resettlement', 'other'] as const;
export const serviceRequestStatuses = ['open', 'in_progress', 'done', 'rejected'] as const;
export const transferStatuses = ['sent', 'received', 'refused'] as const;
export const proposalStatuses = ['proposed', 'seen', 'accepted', 'rejected'] as const;
export const deskKinds = ['general', 'foreigners', 'centralised', 'thematic'] as const;
/** Who signs a privacy form: the person, or their legal representative (c.c. art. 316, 357, 404, 424). */
export const signerKinds = ['self', 'parent', 'tutore', 'amministratore_sostegno', 'curatore'] as const;
export const noticeModes = ['in_person', 'email', 'post', 'home_visit', 'other'] as const;
export const attachmentMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;

const text = (max: number) => plainText(max);
const optText = (max: number) => text(max).nullable().optional();
const phone = z.string().trim().regex(/^\+?[0-9 ./-]{5,20}$/, 'telefono_non_valido');
const email = z.email('email_non_valida').max(254);
const code = z.string().trim().regex(/^[A-Za-z0-9._-]{1,32}$/, 'codice_non_valido');
const fiscalCode = z.string().trim().toUpperCase().regex(/^[A-Z0-9]{16}$/, 'codice_fiscale_non_valido');

export const accessSection = z.object({
  date: dateOnly.optional(),
  contactPointId: uuid.nullable().optional(),
  mode: z.enum(accessModes).nullable().optional(),
  reason: z.enum(accessReasons).nullable().optional(),
  reasonDetail: optText(500),
  /** "Inviato da": the sending office (of the ambito) or a free description. */
  sentByOfficeId: uuid.nullable().optional(),
  sentByText: optText(200),
  accompanied: z.boolean().nullable().optional(),
  accompaniedBy: optText(200),
  userPresence: z.enum(userPresence).nullable().optional(),
  description: optText(4000),
});

export const interlocutorSection = z.object({
  type: z.enum(interlocutorTypes).nullable().optional(),
  surname: optText(100),
  name: optText(100),
  fiscalCode: fiscalCode.nullable().optional(),
  sex: z.enum(['M', 'F']).nullable().optional(),
  birthDate: dateOnly.nullable().optional(),
  /** Relationship to the user (ANPR relazione di parentela code or free text). */
  relationship: optText(100),
  organisation: optText(200),
  role: optText(200),
  phone: phone.nullable().optional(),
  mobile: phone.nullable().optional(),
  email: email.nullable().optional(),
  address: optText(300),
});

export const referencePerson = z.object({
  surname: text(100).min(1, 'required'),
  name: optText(100),
  sex: z.enum(['M', 'F']).nullable().optional(),
  birthDate: dateOnly.nullable().optional(),
  relationship: optText(100),
  phone: phone.nullable().optional(),
  mobile: phone.nullable().optional(),
  email: email.nullable().optional(),
  problems: z.boolean().nullable().optional(),
  problemsDescription: optText(1000),
});

export const socialSection = z.object({
  household: optText(2000),
  /** Codes of the list siso.condizione_lavoro. */
  workCondition: code.nullable().optional(),
  profession: optText(200),
  /** Codes of the list siso.titolo_studio. */
  education: code.nullable().optional(),
  /** Codes of the list siso.abitazione. */
  housing: code.nullable().optional(),
  housingNotes: optText(2000),
  /** Health notes and invalidity: special category (GDPR art. 9). */
  healthNotes: optText(4000),
  invalidityPercent: z.number().int().min(0).max(100).nullable().optional(),
  incomeNotes: optText(2000),
});

/** Foreigners' section (FAMI-compatible: arrival, permit, protection, language, reception, minors). */
export const foreignerSection = z.object({
  arrivalYear: z.number().int().min(1900).max(2100).nullable().optional(),
  arrivalChannel: z.enum(arrivalChannels).nullable().optional(),
  countryOfOrigin: z.string().regex(/^[0-9]{3}$/, 'codice_non_valido').nullable().optional(),
  /** Codes of the list siso.motivo_permesso_soggiorno. */
  permitType: code.nullable().optional(),
  permitStatus: z.enum(permitStatuses).nullable().optional(),
  permitExpiry: dateOnly.nullable().optional(),
  permitNumber: optText(40),
  internationalProtection: z.enum(protectionStatuses).nullable().optional(),
  languageLevel: z.enum(languageLevels).nullable().optional(),
  receptionFacility: optText(200),
  unaccompaniedMinor: z.boolean().nullable().optional(),
});

export const needsSection = z.object({
  /** Codes of the list siso.bisogno (each with its class in `extra.class`). */
  codes: z.array(code).max(60).optional(),
  notes: optText(4000),
});

export const deskIntervention = z.object({
  type: z.enum(deskInterventionTypes),
  date: dateOnly.nullable().optional(),
  note: optText(1000),
  /** Economic help given at the desk: amount and who pays (SS_INTERVENTO_ECONOMICO). */
  amount: money.nullable().optional(),
  payer: optText(200),
});

export const servicesSection = z.object({
  /** Codes of service_catalogue. */
  requested: z.array(code).max(40).optional(),
  deskInterventions: z.array(deskIntervention).max(40).optional(),
});

export const outcomeSection = z.object({
  type: z.enum(intakeOutcomes).nullable().optional(),
  socialCategory: z.enum(socialCategories).nullable().optional(),
  plannedInterventions: optText(2000),
  note: optText(2000),
});

/** The sections as written: each may be sent alone (an update replaces only the sections it carries). */
export const intakeSectionsInput = z.object({
  access: accessSection.optional(),
  interlocutor: interlocutorSection.optional(),
  /** The user: a person of the registry (search first), possibly anonymous until identified. */
  personId: uuid.nullable().optional(),
  references: z.array(referencePerson).max(3, 'massimo_tre_riferimenti').optional(),
  social: socialSection.optional(),
  foreigner: foreignerSection.optional(),
  needs: needsSection.optional(),
  services: servicesSection.optional(),
  outcome: outcomeSection.optional(),
  /** Values of the configuration-defined fields of the desk (target `intake`). */
  custom: z.record(z.string(), z.unknown()).optional(),
});
export type IntakeSectionsInput = z.input<typeof intakeSectionsInput>;

/** Every field of an object schema as maskable: the output shape of a section. */
function maskedSection<S extends Record<string, z.ZodType>>(schema: z.ZodObject<S>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(schema.shape)) shape[k] = maskable(v as z.ZodType);
  return z.object(shape as { [K in keyof S]: ReturnType<typeof maskable<S[K]>> });
}

export const accessView = maskedSection(accessSection);
export const interlocutorView = maskedSection(interlocutorSection);
export const referencePersonView = maskedSection(referencePerson);
export const socialView = maskedSection(socialSection);
export const foreignerView = maskedSection(foreignerSection);
export const needsView = maskedSection(needsSection);
export const servicesView = maskedSection(servicesSection);
export const outcomeView = maskedSection(outcomeSection);

export const attachmentView = z.object({
  id: uuid,
  filename: z.string(),
  mediaType: z.enum(attachmentMediaTypes),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  scanStatus: z.enum(['clean', 'not_scanned']),
  createdAt: timestamp,
});
export type AttachmentView = z.infer<typeof attachmentView>;

/** A file in a request: base64 content (JSON wire contract), checked for type, size and content on the server. */
export const attachmentInput = z.object({
  filename: z.string().trim().min(1).max(200).regex(/^[^/\\\0]+$/, 'nome_file_non_valido'),
  mediaType: z.string().max(100),
  contentBase64: z.string().min(1).max(20_000_000),
});

/** A generated document (PDF, XLSX) travels in JSON as base64 with its name and media type. */
export const fileOutput = z.object({ filename: z.string(), mediaType: z.string(), contentBase64: z.string() });

/** Privacy status of a person for the actor's ente (search results and the scheda). */
export const privacyStatuses = ['signed', 'not_signed', 'anonymous'] as const;
export type PrivacyStatus = (typeof privacyStatuses)[number];
