/**
 * The population registry as SISO sees it (issue 4 point 8): ANPR through PDND, a municipal registry
 * endpoint, or none. Every implementation answers in the neutral `RegistryPerson` shape of
 * @siso/shared and throws `RegistryUnavailableError` (registry-errors.ts) when the registry cannot
 * give a usable answer; it never retries inside a user request (the nightly job retries).
 */
import type { RegistryPerson } from '@siso/shared';

export type RegistrySource = 'anpr' | 'municipal' | 'none';

/** Who is asking and why: ANPR's AUDIT_REST_02 tracking evidence and `motivoRichiesta` (§5.1, §5.2). */
export interface RegistryCall {
  /** userID of the tracking evidence: the operator's id (or "system" for the nightly job). */
  operatorId: string;
  /** userLocation: the office (or workstation) the operator works from. */
  officeLabel: string;
  /** Level of assurance of the operator's login (e.g. "SPID_L2" via OIDC); default "LoA1". */
  loa?: string;
  /** motivoRichiesta, required by ANPR: the practice reference (protocol, case file number…). */
  reason: string;
}

export type RegistryChangeKind = 'residence' | 'household' | 'death' | 'civil_status' | 'names';

export interface RegistrySubject {
  personId: string;
  fiscalCode: string;
  anprId: string | null;
}

export interface RegistryChange {
  /** The subject as passed to `changes()` (added for the caller's convenience). */
  personId: string;
  fiscalCode: string;
  anprId: string | null;
  kind: RegistryChangeKind;
  /** The date the change takes effect (dataDecorrenza). */
  effectiveDate: string;
  /** The record after the change; `household` is the famiglia at that moment. */
  person: RegistryPerson;
}

export interface RegistryChanges {
  changes: RegistryChange[];
  /** Give it back as `since` next time. */
  cursor: string;
  /** idANPR found for subjects that had none (C030): store them on the person. */
  resolved: Array<{ personId: string; anprId: string }>;
  /** Subjects the registry does not know (not resident, wrong code): personIds. */
  unknown: string[];
}

export interface RegistryLookup {
  person: RegistryPerson | null;
  /** Registry warnings for the operator, in Italian (e.g. ANPR's listaAnomalie). */
  warnings: string[];
}

export interface RegistryClient {
  readonly source: RegistrySource;
  /** The current record of a fiscal code; null when the registry does not know it. */
  lookup(fiscalCode: string, call: RegistryCall, hint?: { anprId?: string | null }): Promise<RegistryLookup>;
  /**
   * Changes for the followed subjects since a cursor returned earlier (or a date "YYYY-MM-DD", or
   * null = everything the registry still has). Pages through to the end; changes are oldest first
   * and may repeat after a failure halfway (apply them idempotently).
   */
  changes(subjects: RegistrySubject[], since: string | null, call?: RegistryCall): Promise<RegistryChanges>;
}

/** The logger the clients write their call log to (pino and Fastify's logger fit). */
export interface RegistryLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** One outgoing call, as logged (`registry.call`) and passed to `onCall` for the audit. */
export interface RegistryCallLogEntry {
  event: 'registry.call';
  source: RegistrySource;
  /** "token" (PDND voucher), "C030", "C015", "C020", "C021", "C001", or the municipal path. */
  service: string;
  purposeId: string | null;
  /** jti of the Agid-JWT-Signature (e-service call) or of the client assertion (token call): unique per call. */
  jti: string | null;
  /** jti of the tracking evidence bound to the voucher. */
  trackingJti: string | null;
  idOperazioneClient: string | null;
  idOperazioneANPR: string | null;
  /** GovWay transaction id, when the gateway sends one. */
  transactionId: string | null;
  operatorId: string;
  officeLabel: string;
  reason: string;
  anprId: string | null;
  outcome: 'ok' | 'not_found' | 'timeout' | 'bad_response' | 'http_error' | 'rejected';
  status: number | null;
  ms: number;
  detail?: string;
}

export type RegistryCallSink = (entry: RegistryCallLogEntry) => void;

/** The caller of the nightly job: no operator, the installation itself. */
export const SYSTEM_CALL: RegistryCall = {
  operatorId: 'system',
  officeLabel: 'SISO – sincronizzazione notturna',
  loa: 'LoA1',
  reason: 'Aggiornamento dati anagrafici delle persone in carico',
};
