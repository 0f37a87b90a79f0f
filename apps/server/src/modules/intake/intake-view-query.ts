import { sql, type Kysely } from 'kysely';
import type { FieldClass } from '../../access/field-classes.js';
import { openedClasses } from '../../access/present.js';
import { canWrite, visible, visibleTo } from '../../access/visibility.js';
import type { AsJson } from '../../db/json-row.js';
import type { DB } from '../../db/types.js';
import { inActorNoticeScope } from '../consents/notice-scope.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { PERSON } from '../persons/person-kinds.js';
import { serviceRequestsJson, type ServiceRequestRow } from '../service-requests/service-request-repo.js';
import type { FieldDefinitionRecord } from '../fields/fields.repo.js';
import type { DeskSettings } from './desk-access.js';
import { deskConfigColumns, type DeskConfigColumns } from './intake-custom-fields.js';
import { INTAKE_NOTE, INTAKE_RECORD } from './intake-kinds.js';
import { personSummaryJson, type PersonSummaryRow } from './intake-persons.js';
import type { IntakeRow } from './intake-repo.js';
import { proposalColumns, TAKE_CHARGE_PROPOSAL, type ProposalRow } from './proposals/proposal-repo.js';
import { INTAKE_TRANSFER, transferColumns, type TransferRow } from './transfers/transfer-repo.js';

/** A diary note as selected for the view (JSON). */
export interface IntakeNoteRow {
  id: string;
  author_id: string;
  ente_id: string;
  author_name: string;
  written_at: string;
  private: boolean;
  text: string;
}

/**
 * Everything the view of one scheda shows, in ONE query (issue 10, "Benchmark": intakeRecords.get in
 * at most 6 queries, configuration read once): the scheda under its rule, what the actor may do on it,
 * the classes a break-the-glass opened, its desk's configuration (settings, custom fields, contact
 * points), whom it is about and their privacy status here, and its children — diary, service
 * requests with files, sends, the latest proposal — each under its own kind's rule joined to the
 * scheda (`via`): the scope guard checks every one (access/sql-scope-check.ts).
 */
export interface IntakeViewRow extends IntakeRow, DeskConfigColumns {
  opened_classes: FieldClass[] | null;
  contact_points: Array<{ id: string; name: string }> | null;
  person_summary: PersonSummaryRow | null;
  person_privacy: { anonymous: boolean; signed: boolean } | null;
  notes: IntakeNoteRow[] | null;
  service_requests: ServiceRequestRow[] | null;
  transfers: Array<AsJson<TransferRow>> | null;
  proposal: AsJson<ProposalRow> | null;
}

/** The desk's configuration a request has read already (the scheda it just wrote). */
export interface KnownConfig {
  settings: DeskSettings;
  definitions: FieldDefinitionRecord[];
}

/** What the view needs beyond the scheda's row: a scheda just created has no children to read; `known`: configuration already read. */
export interface ViewParts {
  children: boolean;
  known?: KnownConfig;
}

export async function loadIntakeViewRow(db: Kysely<DB>, actor: ContextActor, id: string, parts: ViewParts = { children: true }): Promise<IntakeViewRow | null> {
  const none = sql`NULL`;
  const r = await sql<IntakeViewRow>`
    SELECT r.*, e.name AS ente_name, e.regione_id, o.name AS office_name, o.type AS office_type,
           op.given_name || ' ' || op.family_name AS operator_name,
           ${canWrite(actor, INTAKE_RECORD, 'r', 'intakeRecords.update')} AS can_update,
           ${openedClasses(actor, INTAKE_RECORD, 'r.id')} AS opened_classes,
           ${parts.known ? sql`NULL AS desk_row, NULL AS field_definitions` : deskConfigColumns(sql.ref('r.office_id'), sql.ref('e.regione_id'), sql.ref('r.ambito_id'))},
           (SELECT json_agg(json_build_object('id', cp.id, 'name', cp.name) ORDER BY cp.name, cp.id)
              FROM contact_point cp WHERE cp.office_id = r.office_id AND cp.archived_at IS NULL) AS contact_points,
           ${personSummaryJson(actor, 'r')} AS person_summary,
           (SELECT json_build_object('anonymous', pp.anonymous, 'signed', count(n.id) > 0)
              FROM person pp
              LEFT JOIN privacy_notice n ON n.person_id = pp.id AND ${inActorNoticeScope(actor, 'n')} AND ${visible(actor, 'privacyNotice', 'n', { via: 'pp' })}
             WHERE ${visible(actor, PERSON, 'pp', { referredBy: { kind: INTAKE_RECORD, alias: 'r' } })}
             GROUP BY pp.id, pp.anonymous) AS person_privacy,
           ${parts.children ? childrenColumns(actor) : sql`${none} AS notes, ${none} AS service_requests, ${none} AS transfers, ${none} AS proposal`}
      FROM intake_record r
      JOIN ente e ON e.id = r.ente_id
      JOIN office o ON o.id = r.office_id
      JOIN operator op ON op.id = r.operator_id
     WHERE r.id = ${id} AND ${visibleTo(actor, 'intakeRecords.get', INTAKE_RECORD, 'r')}`.execute(db);
  return r.rows[0] ?? null;
}

/** The scheda's children under alias r: each kind's rule joined to the scheda (`via`). */
function childrenColumns(actor: ContextActor) {
  return sql`
    (SELECT json_agg(json_build_object('id', n.id, 'author_id', n.author_id, 'ente_id', n.ente_id,
            'author_name', nop.given_name || ' ' || nop.family_name, 'written_at', n.written_at, 'private', n.private, 'text', n.text)
            ORDER BY n.written_at, n.id)
       FROM intake_note n JOIN operator nop ON nop.id = n.author_id
      WHERE ${visible(actor, INTAKE_NOTE, 'n', { via: 'r' })}) AS notes,
    ${serviceRequestsJson(actor, 'r')} AS service_requests,
    -- Its sends, and the send it was received from: a transfer's rule through either scheda.
    (SELECT json_agg(row_to_json(x) ORDER BY x.sent_at DESC, x.id DESC) FROM (
       SELECT ${transferColumns} FROM intake_transfer t WHERE ${visible(actor, INTAKE_TRANSFER, 't', { via: 'r', viaColumn: 'source_intake_id' })}
       UNION ALL
       SELECT ${transferColumns} FROM intake_transfer t WHERE ${visible(actor, INTAKE_TRANSFER, 't', { via: 'r', viaColumn: 'received_intake_id' })}) x) AS transfers,
    (SELECT row_to_json(x) FROM (
       SELECT ${proposalColumns} FROM take_charge_proposal t WHERE ${visible(actor, TAKE_CHARGE_PROPOSAL, 't', { via: 'r' })}
        ORDER BY t.created_at DESC, t.id DESC LIMIT 1) x) AS proposal`;
}
