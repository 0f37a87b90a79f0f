import { sql, type Kysely } from 'kysely';
import type { IntakeView, OfficeType } from '@siso/shared';
import { abilitiesFor } from '../../access/abilities.js';
import { maskCustomValues } from '../../access/custom-fields.js';
import type { FieldClass } from '../../access/field-classes.js';
import { MASKED, maskRecord } from '../../access/masking.js';
import { canWrite, visibleTo, writableBy } from '../../access/visibility.js';
import type { DB } from '../../db/types.js';
import type { ActionContext } from '../../http/action.js';
import { AppError } from '../../http/app-error.js';
import { privacyStatusOf } from '../consents/privacy-status.js';
import { actorOf, type ContextActor } from '../organisation/require-actor.js';
import { loadServiceRequests } from '../service-requests/service-request-repo.js';
import { effectiveReadable } from '../../access/break-glass.js';
import { contactPointsOf, deskReadable, deskSettingsOf } from './desk-access.js';
import { deskFields, missingOf } from './intake-custom-fields.js';
import { INTAKE_RECORD } from './intake-kinds.js';
import { loadIntakeNotes } from './intake-notes.js';
import { loadPersonSummaries } from './intake-persons.js';
import { objectSections, referencesClass, sectionFieldClasses } from './intake.fields.js';
import type { StoredSections } from './intake-validate.js';
import { loadProposalOf } from './proposals/proposal-repo.js';
import { loadTransfersOf } from './transfers/transfer-repo.js';

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

/** The full, masked view of a visible scheda (404 otherwise); notes the read in the audit. */
export async function loadIntakeView(ctx: ActionContext, id: string): Promise<IntakeView> {
  const actor = actorOf(ctx);
  const row = await loadIntakeRow(ctx.tx, actor, id);
  if (!row) throw new AppError('not_found');
  return presentIntake(ctx, actor, row);
}

export async function presentIntake(ctx: ActionContext, actor: ContextActor, row: IntakeRow): Promise<IntakeView> {
  const db = ctx.tx;
  // Masked with the actor's CURRENT desk (a foreigners' desk reads permits but not health notes,
  // siso-original §10.3.1), whatever desk the scheda belongs to.
  // Plus the classes an active break-the-glass of this operator opened on this scheda (architecture:
  // break-the-glass widens the classes of one record for a short time, audited).
  const current = await deskSettingsOf(db, actor.context.officeId);
  const readable = await effectiveReadable(db, actor, INTAKE_RECORD, row.id, deskReadable(actor, current));
  const settings = row.office_id === current.officeId ? current : await deskSettingsOf(db, row.office_id);
  const classes = new Set<FieldClass>();
  const masked = <T extends Record<string, unknown>>(v: T | null, fields: Parameters<typeof maskRecord>[1]) => {
    if (v === null) return null;
    const m = maskRecord(v, fields, readable);
    m.classesRead.forEach((c) => classes.add(c));
    return m.value;
  };
  const sections = Object.fromEntries(
    objectSections.map((s) => {
      const stored = s === 'outcome' ? row.outcome_detail : row[s];
      return [s, masked(stored, sectionFieldClasses[s])];
    }),
  );
  let references: unknown = row.reference_persons;
  if (references !== null) {
    if (readable.has(referencesClass)) classes.add(referencesClass);
    else references = MASKED;
  }
  const { all, offered } = await deskFields(db, { regioneId: row.regione_id, ambitoId: row.ambito_id, officeType: row.office_type }, settings, row.access_date);
  const custom = maskCustomValues(row.custom, all, readable);
  custom.classesRead.forEach((c) => classes.add(c));

  const { people, classesRead: personClasses } = await loadPersonSummaries(db, actor, row.person_id ? [row.person_id] : [], readable);
  personClasses.forEach((c) => classes.add(c));
  const privacy = row.person_id ? (await privacyStatusOf(db, actor, [row.person_id], current)).get(row.person_id) ?? null : null;
  const notes = await loadIntakeNotes(db, actor, row, readable);
  if (notes.some((n) => n.private && n.text !== MASKED)) classes.add('reserved');
  const serviceRequests = (await loadServiceRequests(db, actor, [row.id], readable)).get(row.id) ?? [];
  const transfers = await loadTransfersOf(db, actor, row.id, readable);
  const proposal = await loadProposalOf(db, actor, row.id);

  ctx.audit({ subjectPeople: row.person_id ? [row.person_id] : [], targets: [{ kind: INTAKE_RECORD, id: row.id }], classesRead: [...classes] });
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
    person: row.person_id ? people.get(row.person_id) ?? null : null,
    privacyStatus: privacy,
    ...sections,
    references,
    custom: custom.value,
    customFields: offered.map(({ ambitoId: _ambito, archived: _archived, ...d }) => d),
    desk: { kind: settings.kind, thematicCode: settings.thematicCode, mandatorySections: settings.mandatorySections, proposalTarget: settings.proposalTarget, privacyPerDesk: settings.privacyPerDesk, contactPoints: await contactPointsOf(db, row.office_id) },
    missingSections: missingOf(settings, storedSectionsOf(row), offered),
    notes,
    serviceRequests,
    receivedFrom: transfers.receivedFrom,
    transfers: transfers.sent,
    proposal,
    version: row.version,
    abilities: intakeAbilities(actor, row),
  };
  // Sections hold the zod-validated values as stored (or MASKED): the contract's output shape.
  return view as unknown as IntakeView;
}
