import { z } from 'zod';
import { customFieldDefinitionShape } from '../custom-fields/definition.js';
import { maskable } from '../wire/masked.js';
import { dateOnly, pageInput, pageOf, timestamp, uuid, version } from '../wire/primitives.js';
import { defineAction } from './define.js';
import {
  accessModes,
  accessReasons,
  accessView,
  deskKinds,
  fileOutput,
  foreignerView,
  intakeOutcomes,
  intakeSections,
  intakeSectionsInput,
  intakeStatuses,
  interlocutorTypes,
  interlocutorView,
  needsView,
  outcomeView,
  privacyStatuses,
  proposalStatuses,
  referencePerson,
  servicesView,
  socialCategories,
  socialView,
  transferStatuses,
} from './intake-common.js';
import { abilities } from './organisation-common.js';
import { personSummary } from './persons-common.js';
import { serviceRequestView } from './service-requests.js';

export * from './intake-common.js';

/** One row of a desk's list (issue 5, point 1 and 7). */
export const intakeSummary = z.object({
  id: uuid,
  number: z.string(),
  accessDate: dateOnly,
  status: z.enum(intakeStatuses),
  officeId: uuid,
  officeName: z.string(),
  operatorName: z.string(),
  accessMode: z.enum(accessModes).nullable(),
  accessReason: z.enum(accessReasons).nullable(),
  outcome: z.enum(intakeOutcomes).nullable(),
  socialCategory: maskable(z.enum(socialCategories).nullable()),
  person: personSummary.nullable(),
  /** Received from another desk (the original's desk and ente). */
  receivedFromOffice: z.string().nullable(),
  proposalStatus: z.enum(proposalStatuses).nullable(),
  updatedAt: timestamp,
  version,
  abilities,
});
export type IntakeSummary = z.infer<typeof intakeSummary>;

export const intakeNoteView = z.object({
  id: uuid,
  authorId: uuid,
  authorName: z.string(),
  writtenAt: timestamp,
  private: z.boolean(),
  /** A private note the actor may not read travels masked (siso-original §10.3.2). */
  text: maskable(z.string()),
});
export type IntakeNoteView = z.infer<typeof intakeNoteView>;

/** What the destination desk reads of a sent scheda: the accesso snapshot (siso-original SS_SCHEDA_ACCESSO_INVIANTE `orig*`). */
export const transferSnapshot = z.object({
  number: z.string(),
  accessDate: dateOnly,
  accessMode: z.enum(accessModes).nullable(),
  accessReason: z.enum(accessReasons).nullable(),
  interlocutorType: z.enum(interlocutorTypes).nullable(),
  description: maskable(z.string().nullable()),
  operatorName: z.string(),
  operatorEmail: z.string().nullable(),
  officePhone: z.string().nullable(),
  userSurname: maskable(z.string().nullable()),
  userName: maskable(z.string().nullable()),
  userFiscalCode: maskable(z.string().nullable()),
  userBirthDate: maskable(dateOnly.nullable()),
  outcome: z.enum(intakeOutcomes).nullable(),
  needs: maskable(z.array(z.string())),
  requestedServices: maskable(z.array(z.string())),
});
export type TransferSnapshot = z.infer<typeof transferSnapshot>;

export const transferView = z.object({
  id: uuid,
  sourceIntakeId: uuid,
  sourceAmbitoName: z.string().nullable(),
  sourceEnteName: z.string(),
  sourceOfficeName: z.string(),
  destAmbitoName: z.string().nullable(),
  destEnteName: z.string(),
  destOfficeId: uuid,
  destOfficeName: z.string(),
  sentAt: timestamp,
  sentByName: z.string(),
  message: z.string().nullable(),
  status: z.enum(transferStatuses),
  snapshot: transferSnapshot,
  receivedIntakeId: uuid.nullable(),
  refusalReason: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  decidedByName: z.string().nullable(),
  version,
  abilities,
});
export type TransferView = z.infer<typeof transferView>;

export const proposalView = z.object({
  id: uuid,
  intakeId: uuid,
  intakeNumber: z.string(),
  accessDate: dateOnly,
  person: personSummary.nullable(),
  sourceEnteName: z.string(),
  sourceOfficeName: z.string(),
  destEnteId: uuid,
  destEnteName: z.string(),
  socialCategory: z.enum(socialCategories),
  status: z.enum(proposalStatuses),
  createdAt: timestamp,
  seenAt: timestamp.nullable(),
  seenByName: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  decidedByName: z.string().nullable(),
  note: z.string().nullable(),
  version,
  abilities,
});
export type ProposalView = z.infer<typeof proposalView>;

/** The desk configuration as it applies (defaults when the desk has none). */
export const deskSettings = z.object({
  kind: z.enum(deskKinds),
  thematicCode: z.string().nullable(),
  mandatorySections: z.array(z.enum(intakeSections)),
  proposalTarget: z.enum(['ente', 'capofila']),
  privacyPerDesk: z.boolean(),
  /** The desk's contact points (punti di contatto), for the Accesso section. */
  contactPoints: z.array(z.object({ id: uuid, name: z.string() })),
});

export const intakeView = z.object({
  id: uuid,
  number: z.string(),
  ambitoId: uuid,
  enteId: uuid,
  enteName: z.string(),
  officeId: uuid,
  officeName: z.string(),
  status: z.enum(intakeStatuses),
  accessDate: dateOnly,
  operatorId: uuid,
  operatorName: z.string(),
  createdBy: uuid,
  createdAt: timestamp,
  updatedAt: timestamp,
  completedAt: timestamp.nullable(),
  person: personSummary.nullable(),
  privacyStatus: z.enum(privacyStatuses).nullable(),
  access: accessView.nullable(),
  interlocutor: interlocutorView.nullable(),
  references: maskable(z.array(referencePerson)).nullable(),
  social: socialView.nullable(),
  foreigner: foreignerView.nullable(),
  needs: needsView.nullable(),
  services: servicesView.nullable(),
  outcome: outcomeView.nullable(),
  custom: z.record(z.string(), z.unknown()),
  /** The configuration-defined fields of this desk (target intake), so the form can draw them. */
  customFields: z.array(customFieldDefinitionShape.extend({ id: uuid })),
  desk: deskSettings,
  /** Mandatory sections still missing (empty: the scheda can be completed). */
  missingSections: z.array(z.object({ section: z.string(), fields: z.array(z.string()) })),
  notes: z.array(intakeNoteView),
  serviceRequests: z.array(serviceRequestView),
  receivedFrom: transferView.nullable(),
  transfers: z.array(transferView),
  proposal: proposalView.nullable(),
  version,
  abilities,
});
export type IntakeView = z.infer<typeof intakeView>;

export const intakeFilters = z.object({
  /** A desk of the actor's reach; default: the current office (ente-wide profiles may omit it with `allOffices`). */
  officeId: uuid.optional(),
  allOffices: z.boolean().default(false),
  from: dateOnly.optional(),
  to: dateOnly.optional(),
  status: z.enum(intakeStatuses).optional(),
  outcome: z.enum(intakeOutcomes).optional(),
  personId: uuid.optional(),
  /** The scheda's number ("2026/000123"). */
  number: z.string().trim().max(20).optional(),
});

export const intakeRecordsFind = defineAction({
  name: 'intakeRecords.find',
  kind: 'query',
  access: 'context',
  summary: "Elenco delle schede di accesso di uno sportello per periodo, stato ed esito (lettura registrata)",
  input: pageInput.extend(intakeFilters.shape),
  output: pageOf(intakeSummary),
});

export const intakeRecordsGet = defineAction({
  name: 'intakeRecords.get',
  kind: 'query',
  access: 'context',
  summary: 'Scheda di accesso completa: sezioni, diario, richieste di servizio, invii e proposta (campi mascherati secondo profilo e sportello)',
  input: z.object({ id: uuid }),
  output: intakeView,
});

export const intakeRecordsCreate = defineAction({
  name: 'intakeRecords.create',
  kind: 'mutation',
  access: 'context',
  summary: "Nuova scheda di accesso nello sportello corrente (anche incompleta; l'utente dall'anagrafe, nuovo o anonimo)",
  input: intakeSectionsInput,
  output: intakeView,
});

export const intakeRecordsUpdate = defineAction({
  name: 'intakeRecords.update',
  kind: 'mutation',
  access: 'context',
  summary: 'Salva una o più sezioni della scheda (le sezioni non inviate restano come erano)',
  input: intakeSectionsInput.extend({ id: uuid, version }),
  output: intakeView,
});

export const intakeRecordsComplete = defineAction({
  name: 'intakeRecords.complete',
  kind: 'mutation',
  access: 'context',
  summary: "Completa la scheda (422 con l'elenco delle sezioni obbligatorie mancanti); una proposta di presa in carico va al servizio sociale professionale",
  input: z.object({ id: uuid, version }),
  output: intakeView,
});

export const intakeRecordsCopy = defineAction({
  name: 'intakeRecords.copy',
  kind: 'mutation',
  access: 'context',
  summary:
    "Nuova scheda incompleta a partire da una dello stesso sportello: utente, interlocutore, riferimenti, dati socio-ambientali, sezione stranieri e bisogni; non accesso, servizi, esito, diario e richieste",
  input: z.object({ id: uuid }),
  output: intakeView,
});

export const intakeRecordsDelete = defineAction({
  name: 'intakeRecords.delete',
  kind: 'mutation',
  access: 'context',
  summary:
    "Elimina la scheda (cancellazione logica con motivazione): sparisce da elenchi, ricerche e contatori; non se è in attesa presso un altro sportello o ha una proposta di presa in carico aperta o accolta",
  input: z.object({ id: uuid, version, reason: z.string().trim().min(5).max(500) }),
  output: z.object({ id: uuid, number: z.string(), deletedAt: timestamp }),
});

export const intakeNotesCreate = defineAction({
  name: 'intakeNotes.create',
  kind: 'mutation',
  access: 'context',
  summary: "Nota di diario sulla scheda, pubblica o privata (privata: leggibile da autore, responsabile dello sportello e titolari delle note riservate)",
  input: z.object({ intakeId: uuid, text: z.string().trim().min(1).max(10_000), private: z.boolean().default(false) }),
  output: intakeNoteView,
});

export const intakeRecordsPrint = defineAction({
  name: 'intakeRecords.print',
  kind: 'query',
  access: 'context',
  summary: "Stampa della scheda in PDF con l'intestazione dell'ente (campi mascherati come a video; lettura registrata)",
  input: z.object({ id: uuid }),
  output: fileOutput,
});

export const intakeRecordsExport = defineAction({
  name: 'intakeRecords.export',
  kind: 'query',
  access: 'context',
  summary: 'Esporta in XLSX l’elenco delle schede filtrato (al massimo 10.000 righe; lettura registrata)',
  input: intakeFilters,
  output: fileOutput.extend({ rows: z.number().int(), truncated: z.boolean() }),
});

export const intakeRecordsSend = defineAction({
  name: 'intakeRecords.send',
  kind: 'mutation',
  access: 'context',
  summary: "Invia la scheda a un altro sportello (dello stesso ente, dell'ambito o di un altro ambito): istantanea, avviso ed e-mail",
  input: z.object({
    id: uuid,
    version,
    destOfficeId: uuid,
    message: z.string().trim().max(2000).optional(),
    /** Overrides the destination office's e-mail address for this send. */
    emailTo: z.email('email_non_valida').max(254).optional(),
  }),
  output: transferView,
});

export const intakeRecordsReceive = defineAction({
  name: 'intakeRecords.receive',
  kind: 'mutation',
  access: 'context',
  summary: "Accetta una scheda ricevuta: crea la scheda locale collegata all'originale (una sola volta)",
  input: z.object({ transferId: uuid, version }),
  output: intakeView,
});

export const intakeRecordsRefuse = defineAction({
  name: 'intakeRecords.refuse',
  kind: 'mutation',
  access: 'context',
  summary: 'Rifiuta una scheda ricevuta indicandone il motivo',
  input: z.object({ transferId: uuid, version, reason: z.string().trim().min(5).max(1000) }),
  output: transferView,
});

export const intakeTransfersFind = defineAction({
  name: 'intakeTransfers.find',
  kind: 'query',
  access: 'context',
  summary: 'Schede inviate dallo sportello corrente o ricevute da altri sportelli (casella di arrivo)',
  input: pageInput.extend({ direction: z.enum(['received', 'sent']), status: z.enum(transferStatuses).optional() }),
  output: pageOf(transferView),
});

export const proposalsFind = defineAction({
  name: 'proposals.find',
  kind: 'query',
  access: 'context',
  summary: "Proposte di presa in carico arrivate al servizio sociale professionale dell'ente",
  input: pageInput.extend({ status: z.enum(proposalStatuses).optional() }),
  output: pageOf(proposalView),
});

export const proposalsGet = defineAction({
  name: 'proposals.get',
  kind: 'query',
  access: 'context',
  summary: 'Una proposta di presa in carico',
  input: z.object({ id: uuid }),
  output: proposalView,
});

export const proposalsMarkSeen = defineAction({
  name: 'proposals.markSeen',
  kind: 'mutation',
  access: 'context',
  summary: 'Segna la proposta come vista (proposta → vista)',
  input: z.object({ id: uuid, version }),
  output: proposalView,
});

export const proposalsReject = defineAction({
  name: 'proposals.reject',
  kind: 'mutation',
  access: 'context',
  summary: 'Respinge la proposta di presa in carico con una nota',
  input: z.object({ id: uuid, version, note: z.string().trim().min(5).max(2000) }),
  output: proposalView,
});

export const intakeContracts = {
  [intakeRecordsFind.name]: intakeRecordsFind,
  [intakeRecordsGet.name]: intakeRecordsGet,
  [intakeRecordsCreate.name]: intakeRecordsCreate,
  [intakeRecordsUpdate.name]: intakeRecordsUpdate,
  [intakeRecordsComplete.name]: intakeRecordsComplete,
  [intakeRecordsDelete.name]: intakeRecordsDelete,
  [intakeRecordsCopy.name]: intakeRecordsCopy,
  [intakeNotesCreate.name]: intakeNotesCreate,
  [intakeRecordsPrint.name]: intakeRecordsPrint,
  [intakeRecordsExport.name]: intakeRecordsExport,
  [intakeRecordsSend.name]: intakeRecordsSend,
  [intakeRecordsReceive.name]: intakeRecordsReceive,
  [intakeRecordsRefuse.name]: intakeRecordsRefuse,
  [intakeTransfersFind.name]: intakeTransfersFind,
  [proposalsFind.name]: proposalsFind,
  [proposalsGet.name]: proposalsGet,
  [proposalsMarkSeen.name]: proposalsMarkSeen,
  [proposalsReject.name]: proposalsReject,
} as const;
