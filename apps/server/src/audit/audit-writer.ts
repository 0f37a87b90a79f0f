import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { chainKeyOf, type Actor } from '../access/actor.js';

export type AuditOutcome = 'ok' | 'denied' | 'failed';

/** What an action adds to its audit row: the people and records it touched, the classes it used. */
export interface AuditNote {
  subjectPeople?: string[];
  targets?: Array<{ kind: string; id: string }>;
  classesRead?: string[];
  classesChanged?: string[];
  purpose?: string;
  /** Old/new values of ordinary fields; for special and judicial fields only their names. */
  details?: Record<string, unknown>;
}

export interface AuditEntry extends AuditNote {
  action: string;
  outcome: AuditOutcome;
  errorCode?: string;
  actor: Actor | null;
  requestId: string;
  clientIp: string;
}

/**
 * Inserts one audit row (architecture, "Audit"). Called inside the request's transaction for
 * successful actions, and on its own after the rollback for denied and failed ones. Hashing is
 * the sealer's job, so writers never wait on a chain-wide lock.
 */
export async function writeAudit(db: Kysely<DB>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      chain_key: chainKeyOf(e.actor),
      action: e.action,
      outcome: e.outcome,
      error_code: e.errorCode ?? null,
      operator_id: e.actor?.operatorId ?? null,
      ambito_id: e.actor?.context?.ambitoId ?? e.actor?.homeAmbitoId ?? null,
      ente_id: e.actor?.context?.enteId ?? null,
      office_id: e.actor?.context?.officeId ?? null,
      profiles: e.actor ? [...e.actor.profiles] : [],
      request_id: e.requestId,
      client_ip: e.clientIp,
      subject_people: e.subjectPeople ?? [],
      targets: JSON.stringify(e.targets ?? []),
      classes_read: e.classesRead ?? [],
      classes_changed: e.classesChanged ?? [],
      purpose: e.purpose ?? null,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}
