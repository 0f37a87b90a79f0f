import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AttachmentView, ServiceRequestView } from '@siso/shared';
import type { DB } from '../../db/types.js';
import { abilitiesFor } from '../../access/abilities.js';
import { presentRecord, type ReadAudit } from '../../access/present.js';
import { canWrite, visible, visibleTo } from '../../access/visibility.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { INTAKE_RECORD } from '../intake/intake-kinds.js';
import { attachmentsJson, presentAttachment, type AttachmentRow } from './attachments/attachment-views.js';

export const SERVICE_REQUEST = 'serviceRequest';
export const ATTACHMENT = 'attachment';

/** A service request as selected by `serviceRequestsJson` (JSON: timestamps are strings). */
export interface ServiceRequestRow {
  id: string;
  intake_id: string;
  service_code: string;
  service_label: string;
  status: ServiceRequestView['status'];
  minutes_worked: number;
  notes: string | null;
  created_at: string;
  created_by_name: string;
  updated_at: string;
  version: number;
  attachments: AttachmentRow[] | null;
}

/**
 * The service requests of the scheda under alias `intakeAlias` of the enclosing query — which carries
 * the scheda's rule — with their live files, as one JSON array (null when none): one round trip for a
 * scheda's requests and files, and the requests' own rule (hidden offices, second-level units) joined
 * to the scheda (`via`), not derived again.
 */
export function serviceRequestsJson(actor: ContextActor, intakeAlias: string): RawBuilder<ServiceRequestRow[] | null> {
  return sql<ServiceRequestRow[] | null>`(SELECT json_agg(json_build_object(
        'id', sr.id, 'intake_id', sr.intake_id, 'service_code', sr.service_code, 'service_label', sc.label, 'status', sr.status,
        'minutes_worked', sr.minutes_worked, 'notes', sr.notes, 'created_at', sr.created_at,
        'created_by_name', o.given_name || ' ' || o.family_name, 'updated_at', sr.updated_at, 'version', sr.version,
        'attachments', ${attachmentsJson(actor, SERVICE_REQUEST, 'sr')}) ORDER BY sr.created_at, sr.id)
      FROM service_request sr
      JOIN service_catalogue sc ON sc.code = sr.service_code
      JOIN operator o ON o.id = sr.created_by
     WHERE ${visible(actor, SERVICE_REQUEST, 'sr', { via: intakeAlias })})`;
}

/**
 * The service requests of visible schede (the caller already checked the scheda's visibility; the
 * rule is applied again here with the requests'), presented: one query for requests and files.
 */
export async function loadServiceRequests(ctx: ReadAudit, db: Kysely<DB>, actor: ContextActor, intakeIds: readonly string[]): Promise<Map<string, ServiceRequestView[]>> {
  const out = new Map<string, ServiceRequestView[]>();
  if (intakeIds.length === 0) return out;
  const r = await sql<{ id: string; person_id: string | null; requests: ServiceRequestRow[] | null }>`
    SELECT i.id, i.person_id, ${serviceRequestsJson(actor, 'i')} AS requests
      FROM intake_record i
     WHERE i.id = ANY(${[...intakeIds]}::uuid[]) AND ${visibleTo(actor, 'intakeRecords.get', INTAKE_RECORD, 'i')}`.execute(db);
  for (const row of r.rows) out.set(row.id, (row.requests ?? []).map((sr) => presentServiceRequest(ctx, actor, sr, row.person_id)));
  return out;
}

/**
 * One service request of a scheda the actor can see (`intakeRecords.get` scope or a grant, outside
 * desks that exclude one of their profiles — the same rule as the scheda itself), or null.
 */
export async function loadServiceRequest(ctx: ReadAudit, db: Kysely<DB>, actor: ContextActor, id: string): Promise<ServiceRequestView | null> {
  const found = await sql<{ intake_id: string }>`
    SELECT sr.intake_id FROM service_request sr WHERE sr.id = ${id} AND ${visible(actor, SERVICE_REQUEST, 'sr')}`.execute(db);
  const intakeId = found.rows[0]?.intake_id;
  if (!intakeId) return null;
  const all = await loadServiceRequests(ctx, db, actor, [intakeId]);
  return all.get(intakeId)?.find((s) => s.id === id) ?? null;
}

/** The one presenter of a service request (and, through presentAttachment, of its files). */
export function presentServiceRequest(ctx: ReadAudit, actor: ContextActor, row: ServiceRequestRow, personId: string | null): ServiceRequestView {
  const attachments: AttachmentView[] = (row.attachments ?? []).map((a) => presentAttachment(ctx, actor, a, personId));
  const view = {
    id: row.id,
    intakeId: row.intake_id,
    serviceCode: row.service_code,
    serviceLabel: row.service_label,
    status: row.status,
    minutesWorked: row.minutes_worked,
    notes: row.notes,
    attachments,
    createdAt: new Date(row.created_at).toISOString(),
    createdByName: row.created_by_name,
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
    abilities: abilitiesFor(actor, ['serviceRequests.update']),
  };
  return presentRecord(ctx, actor, SERVICE_REQUEST, view, { id: row.id, about: [personId], listed: true }) as ServiceRequestView;
}

/**
 * The scheda a request is written on, if the actor sees it as intakeRecords.get does (scope or grant,
 * not at a desk excluding one of their profiles), or null — 404 before anything is written;
 * `canWrite` = within the write scope too.
 */
export async function loadIntakeForWrite(
  db: Kysely<DB>,
  actor: ContextActor,
  intakeId: string,
): Promise<{ id: string; ambito_id: string; ente_id: string; office_id: string; person_id: string | null; can_write: boolean } | null> {
  const r = await sql<{ id: string; ambito_id: string; ente_id: string; office_id: string; person_id: string | null; can_write: boolean }>`
    SELECT i.id, i.ambito_id, i.ente_id, i.office_id, i.person_id,
           ${canWrite(actor, INTAKE_RECORD, 'i', 'intakeRecords.update')} AS can_write
      FROM intake_record i
     WHERE i.id = ${intakeId} AND ${visibleTo(actor, 'intakeRecords.get', INTAKE_RECORD, 'i')}
     FOR UPDATE OF i`.execute(db);
  return r.rows[0] ?? null;
}
