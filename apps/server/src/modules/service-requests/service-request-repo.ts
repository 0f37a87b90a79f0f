import { sql, type Kysely } from 'kysely';
import type { ServiceRequestView } from '@siso/shared';
import type { DB } from '../../db/types.js';
import type { FieldClass } from '../../access/field-classes.js';
import { abilitiesFor } from '../../access/abilities.js';
import { maskRecord } from '../../access/masking.js';
import { canWrite, visible, visibleTo } from '../../access/visibility.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { INTAKE_RECORD } from '../intake/intake-kinds.js';

export const SERVICE_REQUEST = 'serviceRequest';
export const ATTACHMENT = 'attachment';
import { loadAttachmentViews } from './attachments/attachment-views.js';

/** Field classes of a service request: the notes may describe the person's situation (personal data). */
export const serviceRequestFieldClasses = { notes: 'personal' } as const satisfies Record<string, FieldClass>;

interface ServiceRequestRow {
  id: string;
  intake_id: string;
  service_code: string;
  service_label: string;
  status: ServiceRequestView['status'];
  minutes_worked: number;
  notes: string | null;
  created_at: Date;
  created_by_name: string;
  updated_at: Date;
  version: number;
}

/**
 * The service requests of visible schede (the caller already checked the scheda's visibility),
 * notes masked with `readable`: one query for the requests, one for their attachments.
 */
export async function loadServiceRequests(
  db: Kysely<DB>,
  actor: ContextActor,
  intakeIds: readonly string[],
  readable: ReadonlySet<FieldClass>,
): Promise<Map<string, ServiceRequestView[]>> {
  const out = new Map<string, ServiceRequestView[]>();
  if (intakeIds.length === 0) return out;
  const r = await sql<ServiceRequestRow>`
    SELECT sr.id, sr.intake_id, sr.service_code, sc.label AS service_label, sr.status, sr.minutes_worked, sr.notes,
           sr.created_at, o.given_name || ' ' || o.family_name AS created_by_name, sr.updated_at, sr.version
      FROM service_request sr
      JOIN service_catalogue sc ON sc.code = sr.service_code
      JOIN operator o ON o.id = sr.created_by
     WHERE sr.intake_id = ANY(${[...intakeIds]}::uuid[]) AND ${visible(actor, SERVICE_REQUEST, 'sr')}
     ORDER BY sr.intake_id, sr.created_at, sr.id`.execute(db);
  const attachments = await loadAttachmentViews(db, actor, 'serviceRequest', r.rows.map((row) => row.id));
  for (const row of r.rows) {
    const list = out.get(row.intake_id) ?? [];
    list.push(presentServiceRequest(actor, row, attachments.get(row.id) ?? [], readable));
    out.set(row.intake_id, list);
  }
  return out;
}

/**
 * One service request of a scheda the actor can see (`intakeRecords.get` scope or a grant, outside
 * desks that exclude one of their profiles — the same rule as the scheda itself), or null.
 */
export async function loadServiceRequest(db: Kysely<DB>, actor: ContextActor, id: string, readable: ReadonlySet<FieldClass>): Promise<ServiceRequestView | null> {
  const found = await sql<{ intake_id: string }>`
    SELECT sr.intake_id FROM service_request sr WHERE sr.id = ${id} AND ${visible(actor, SERVICE_REQUEST, 'sr')}`.execute(db);
  const intakeId = found.rows[0]?.intake_id;
  if (!intakeId) return null;
  const all = await loadServiceRequests(db, actor, [intakeId], readable);
  return all.get(intakeId)?.find((s) => s.id === id) ?? null;
}

function presentServiceRequest(actor: ContextActor, row: ServiceRequestRow, attachments: ServiceRequestView['attachments'], readable: ReadonlySet<FieldClass>): ServiceRequestView {
  const { value } = maskRecord({ notes: row.notes }, serviceRequestFieldClasses, readable);
  return {
    id: row.id,
    intakeId: row.intake_id,
    serviceCode: row.service_code,
    serviceLabel: row.service_label,
    status: row.status,
    minutesWorked: row.minutes_worked,
    notes: value.notes,
    attachments,
    createdAt: new Date(row.created_at).toISOString(),
    createdByName: row.created_by_name,
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
    abilities: abilitiesFor(actor, ['serviceRequests.update']),
  };
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
