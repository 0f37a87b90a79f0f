import { sql, type Kysely } from 'kysely';
import type { IntakeView, OfficeType } from '@siso/shared';
import { abilitiesFor } from '../../access/abilities.js';
import { maskCustomValues } from '../../access/custom-fields.js';
import { presentRecord, readableOn } from '../../access/present.js';
import { canWrite, visibleTo, writableBy } from '../../access/visibility.js';
import type { DB } from '../../db/types.js';
import type { ActionContext } from '../../http/action.js';
import { AppError } from '../../http/app-error.js';
import { statusOf } from '../consents/privacy-status.js';
import { actorOf, type ContextActor } from '../organisation/require-actor.js';
import { presentServiceRequest } from '../service-requests/service-request-repo.js';
import { deskConfigOf, deskDefinitions, missingOf } from './intake-custom-fields.js';
import { INTAKE_RECORD } from './intake-kinds.js';
import { presentIntakeNote } from './intake-notes.js';
import { presentPersonSummary } from './intake-persons.js';
import type { StoredSections } from './intake-validate.js';
import { loadIntakeViewRow, type IntakeViewRow, type KnownConfig, type ViewParts } from './intake-view-query.js';
import { presentProposal } from './proposals/proposal-repo.js';
import { presentTransfer } from './transfers/transfer-repo.js';

/** A scheda as read by the repository, with its desk's names and what the actor may do on it. */
export interface IntakeRow {
  id: string;
  ambito_id: string;
  ente_id: string;
  ente_name: string;
  office_id: string;
  office_name: string;
  office_type: OfficeType;
  regione_id: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  version: number;
  number: string;
  access_date: string;
  operator_id: string;
  operator_name: string;
  person_id: string | null;
  status: 'incomplete' | 'complete';
  access: Record<string, unknown> | null;
  interlocutor: Record<string, unknown> | null;
  reference_persons: unknown[] | null;
  social: Record<string, unknown> | null;
  foreigner: Record<string, unknown> | null;
  needs: Record<string, unknown> | null;
  services: Record<string, unknown> | null;
  outcome_detail: Record<string, unknown> | null;
  custom: Record<string, unknown>;
  completed_at: Date | null;
  can_update: boolean;
}

/**
 * One scheda the actor may reach with `permission` (scope OR grant), outside desks that exclude one
 * of their profiles; null otherwise (404: it does not exist for them). `forUpdate` locks the row.
 */
export async function loadIntakeRow(
  db: Kysely<DB>,
  actor: ContextActor,
  id: string,
  opts: { permission?: string; forUpdate?: boolean } = {},
): Promise<IntakeRow | null> {
  const permission = opts.permission ?? 'intakeRecords.get';
  // A write (forUpdate) reaches only what the permission's scope reaches: a grant shares a scheda for
  // reading (issue 10, point 5). Seen but not writable is 403, not seen is 404 (null).
  const rule = opts.forUpdate ? writableBy(actor, INTAKE_RECORD, 'r', permission) : visibleTo(actor, permission, INTAKE_RECORD, 'r');
  const r = await sql<IntakeRow>`
    SELECT r.*, e.name AS ente_name, e.regione_id, o.name AS office_name, o.type AS office_type,
           op.given_name || ' ' || op.family_name AS operator_name,
           ${canWrite(actor, INTAKE_RECORD, 'r', 'intakeRecords.update')} AS can_update
      FROM intake_record r
      JOIN ente e ON e.id = r.ente_id
      JOIN office o ON o.id = r.office_id
      JOIN operator op ON op.id = r.operator_id
     WHERE r.id = ${id} AND ${rule}
     ${opts.forUpdate ? sql`FOR UPDATE OF r` : sql``}`.execute(db);
  const row = r.rows[0] ?? null;
  if (!row && opts.forUpdate) {
    const seen = await sql<{ id: string }>`SELECT r.id FROM intake_record r WHERE r.id = ${id} AND ${visibleTo(actor, 'intakeRecords.get', INTAKE_RECORD, 'r')}`.execute(db);
    if (seen.rows.length > 0) throw new AppError('forbidden');
  }
  return row;
}

export function storedSectionsOf(row: IntakeRow): StoredSections {
  return {
    access: row.access, interlocutor: row.interlocutor, personId: row.person_id, references: row.reference_persons, social: row.social,
    foreigner: row.foreigner, needs: row.needs, services: row.services, outcome: row.outcome_detail, custom: row.custom ?? {},
  };
}

/** What the actor may do on a scheda (pure: from permissions, scope and state). */
export function intakeAbilities(actor: ContextActor, row: { can_update: boolean; status: string; office_id: string }): string[] {
  return abilitiesFor(
    actor,
    ['intakeRecords.get', 'intakeRecords.update', 'intakeRecords.complete', 'intakeRecords.delete', 'intakeRecords.copy', 'intakeRecords.print', 'intakeRecords.send', 'intakeNotes.create', 'serviceRequests.create'],
    (a) => {
      if (a === 'intakeRecords.get' || a === 'intakeRecords.print') return true;
      // Copied only within the desk it was recorded at (siso-original §5.1).
      if (a === 'intakeRecords.copy') return row.office_id === actor.context.officeId;
      if (a === 'intakeRecords.complete') return row.can_update && row.status === 'incomplete';
      return row.can_update;
    },
  );
}

/**
 * The full, masked view of a visible scheda (404 otherwise), read in one query (intake-view-query.ts);
 * the presenters note the read in the audit. `parts.children: false` for a scheda this request has
 * just created: it has no diary, requests, sends or proposal yet.
 */
export async function loadIntakeView(ctx: ActionContext, id: string, parts?: ViewParts): Promise<IntakeView> {
  const actor = actorOf(ctx);
  const row = await loadIntakeViewRow(ctx.tx, actor, id, parts);
  if (!row) throw new AppError('not_found');
  return presentIntake(ctx, actor, row, parts?.known);
}

/**
 * The one presenter of a scheda: its sections and reference people masked with the classes the
 * actor reads on it (at a desk, its masking profile; plus what a break-the-glass opened: the row's
 * `opened_classes`), its custom fields with their definitions' classes, and its children through
 * their kinds' presenters.
 */
export function presentIntake(ctx: ActionContext, actor: ContextActor, row: IntakeViewRow, known?: KnownConfig): IntakeView {
  const desk = { officeId: row.office_id, officeType: row.office_type };
  const { settings, all, offered } = known
    ? { settings: known.settings, all: known.definitions, offered: deskDefinitions(known.definitions, row.office_type, known.settings, row.access_date) }
    : deskConfigOf(row, desk, row.access_date);
  const own = presentRecord(
    ctx,
    actor,
    INTAKE_RECORD,
    {
      access: row.access, interlocutor: row.interlocutor, social: row.social, foreigner: row.foreigner, needs: row.needs, services: row.services,
      outcome: row.outcome_detail, references: row.reference_persons,
    },
    { id: row.id, about: [row.person_id], opened: row.opened_classes },
  );
  // Custom fields carry their class in their definition (configuration: docs/fields.md).
  const custom = maskCustomValues(row.custom, all, readableOn(actor, row.opened_classes));
  ctx.audit({ classesRead: custom.classesRead });
  const person = row.person_summary ? presentPersonSummary(ctx, actor, row.person_summary) : null;
  const transfers = (row.transfers ?? []).map((t) => presentTransfer(ctx, actor, t));
  const view = {
    id: row.id,
    number: row.number,
    ambitoId: row.ambito_id,
    enteId: row.ente_id,
    enteName: row.ente_name,
    officeId: row.office_id,
    officeName: row.office_name,
    status: row.status,
    accessDate: row.access_date,
    operatorId: row.operator_id,
    operatorName: row.operator_name,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    person,
    privacyStatus: row.person_privacy ? statusOf(row.person_privacy.anonymous, row.person_privacy.signed) : null,
    ...own,
    custom: custom.value,
    customFields: offered.map(({ ambitoId: _ambito, archived: _archived, ...d }) => d),
    desk: {
      kind: settings.kind, thematicCode: settings.thematicCode, mandatorySections: settings.mandatorySections, proposalTarget: settings.proposalTarget,
      privacyPerDesk: settings.privacyPerDesk, contactPoints: row.contact_points ?? [],
    },
    missingSections: missingOf(settings, storedSectionsOf(row), offered),
    notes: (row.notes ?? []).map((n) => presentIntakeNote(ctx, actor, n, row)),
    serviceRequests: (row.service_requests ?? []).map((sr) => presentServiceRequest(ctx, actor, sr, row.person_id)),
    receivedFrom: transfers.find((t) => t.receivedIntakeId === row.id) ?? null,
    transfers: transfers.filter((t) => t.sourceIntakeId === row.id),
    proposal: row.proposal ? presentProposal(ctx, actor, row.proposal, person) : null,
    version: row.version,
    abilities: intakeAbilities(actor, row),
  };
  // Sections hold the zod-validated values as stored (or MASKED): the contract's output shape.
  return view as unknown as IntakeView;
}
