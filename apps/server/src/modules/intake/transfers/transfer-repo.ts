import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { TransferSnapshot, TransferView } from '@siso/shared';
import { abilitiesFor } from '../../../access/abilities.js';
import type { Actor } from '../../../access/actor.js';
import { presentRecord, type ReadAudit } from '../../../access/present.js';
import { visible, visibleByNature } from '../../../access/visibility.js';
import type { AsJson } from '../../../db/json-row.js';
import type { DB } from '../../../db/types.js';

/** Record kind of a send (its rule: access/record-kind-rules.ts): the source scheda's, and its destination desk's. */
export const INTAKE_TRANSFER = 'intakeTransfer';

/** A transfer with the names the view shows. */
export interface TransferRow {
  id: string;
  source_intake_id: string;
  source_ambito_id: string;
  source_ente_id: string;
  source_office_id: string;
  dest_ambito_id: string | null;
  dest_ente_id: string;
  dest_office_id: string;
  /** What intake_transfer.snapshot holds: the wire snapshot, taken at the send. */
  snapshot: TransferSnapshot;
  /** For linking on accept and for the audit only, never shown (transfer-snapshot.ts). */
  source_person_id: string | null;
  message: string | null;
  sent_by: string;
  sent_at: Date;
  /** sent_at at full (microsecond) precision, for the keyset cursor. */
  sent_key: string;
  status: TransferView['status'];
  received_intake_id: string | null;
  decided_at: Date | null;
  refusal_reason: string | null;
  version: number;
  source_ambito_name: string | null;
  source_ente_name: string;
  source_office_name: string;
  dest_ambito_name: string | null;
  dest_ente_name: string;
  dest_office_name: string;
  sent_by_name: string;
  decided_by_name: string | null;
}

/** The columns of a TransferRow over alias t (also selected as JSON by the scheda's view: intake-view-query.ts). */
export const transferColumns = sql`t.id, t.source_intake_id, t.source_ambito_id, t.source_ente_id, t.source_office_id, t.dest_ambito_id, t.dest_ente_id,
           t.dest_office_id, t.snapshot, t.source_person_id, t.message, t.sent_by, t.sent_at, t.sent_at::text AS sent_key, t.status, t.received_intake_id, t.decided_at,
           t.refusal_reason, t.version,
           (SELECT a.name FROM ambito a WHERE a.id = t.source_ambito_id) AS source_ambito_name,
           (SELECT e.name FROM ente e WHERE e.id = t.source_ente_id) AS source_ente_name,
           (SELECT o.name FROM office o WHERE o.id = t.source_office_id) AS source_office_name,
           (SELECT a.name FROM ambito a WHERE a.id = t.dest_ambito_id) AS dest_ambito_name,
           (SELECT e.name FROM ente e WHERE e.id = t.dest_ente_id) AS dest_ente_name,
           (SELECT o.name FROM office o WHERE o.id = t.dest_office_id) AS dest_office_name,
           (SELECT op.given_name || ' ' || op.family_name FROM operator op WHERE op.id = t.sent_by) AS sent_by_name,
           (SELECT op.given_name || ' ' || op.family_name FROM operator op WHERE op.id = t.decided_by) AS decided_by_name`;

/**
 * Transfers matching `where` (over alias t) among those the actor may see — the sending side through
 * its scheda, the destination desk the actor works at now (record-kind-rules.ts) —, ordered newest
 * first, at most `limit`. `where` narrows (a desk's inbox, one id), it never widens. The eight names
 * are scalar subqueries on primary keys, not joins: a nine-relation join cost PostgreSQL 14–20 ms of
 * planning per request (more than the whole execution; measured in bench/intake), the subqueries
 * plan in microseconds and cost eight index probes per row of a page.
 */
export async function selectTransfers(
  db: Kysely<DB>,
  actor: Actor,
  where: RawBuilder<unknown>,
  limit = 200,
  opts: { forUpdate?: boolean; inbox?: boolean } = {},
): Promise<TransferRow[]> {
  // The desk's inbox is exactly what the destination desk sees by the nature of a send (visibleByNature).
  const rule = opts.inbox ? visibleByNature(actor, INTAKE_TRANSFER, 't') : visible(actor, INTAKE_TRANSFER, 't');
  const forUpdate = opts.forUpdate ?? false;
  const r = await sql<TransferRow>`
    SELECT ${transferColumns}
      FROM intake_transfer t
     WHERE ${where} AND ${rule}
     ORDER BY t.sent_at DESC, t.id DESC
     LIMIT ${limit}
     ${forUpdate ? sql`FOR UPDATE OF t` : sql``}`.execute(db);
  return r.rows;
}

/** Only the destination desk accepts or refuses, and only while the transfer waits (issue 5, point 4). */
export function isDestinationOf(actor: Actor, row: Pick<TransferRow, 'dest_office_id'>): boolean {
  return actor.context?.officeId === row.dest_office_id;
}

/**
 * The one presenter of a send: the snapshot masked with the reader's classes (at a desk, its masking
 * profile: access/field-classes.ts); the person the snapshot names is the audit's subject (their id
 * is never shown). `row` as selected, or as JSON (the scheda's view).
 */
export function presentTransfer(ctx: ReadAudit, actor: Actor, row: TransferRow | AsJson<TransferRow>): TransferView {
  const pending = row.status === 'sent' && isDestinationOf(actor, row);
  const iso = (d: Date | string) => new Date(d).toISOString();
  const view = {
    id: row.id,
    sourceIntakeId: row.source_intake_id,
    sourceAmbitoName: row.source_ambito_name,
    sourceEnteName: row.source_ente_name,
    sourceOfficeName: row.source_office_name,
    destAmbitoName: row.dest_ambito_name,
    destEnteName: row.dest_ente_name,
    destOfficeId: row.dest_office_id,
    destOfficeName: row.dest_office_name,
    sentAt: iso(row.sent_at),
    sentByName: row.sent_by_name,
    message: row.message,
    status: row.status,
    snapshot: row.snapshot,
    receivedIntakeId: row.received_intake_id,
    refusalReason: row.refusal_reason,
    decidedAt: row.decided_at ? iso(row.decided_at) : null,
    decidedByName: row.decided_by_name,
    version: row.version,
    abilities: abilitiesFor(actor, ['intakeRecords.receive', 'intakeRecords.refuse'], () => pending),
  };
  return presentRecord(ctx, actor, INTAKE_TRANSFER, view, { id: row.id, about: [row.source_person_id], listed: true }) as TransferView;
}

