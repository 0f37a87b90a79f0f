import { sql, type Kysely } from 'kysely';
import type { IntakeSummary } from '@siso/shared';
import type { z } from 'zod';
import type { intakeFilters } from '@siso/shared';
import type { FieldClass } from '../../access/field-classes.js';
import { MASKED } from '../../access/masking.js';
import { visible as visibleRule, visibleInOffice, visibleTo } from '../../access/visibility.js';
import { decodeCursor, toPage } from '../../db/keyset.js';
import type { DB } from '../../db/types.js';
import { AppError } from '../../http/app-error.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { deskReadable, type DeskSettings } from './desk-access.js';
import { INTAKE_RECORD } from './intake-kinds.js';
import { personSummaryJson, presentPersonSummary, type PersonSummaryRow } from './intake-persons.js';
import { intakeAbilities } from './intake-repo.js';
import { outcomeFieldClasses } from './intake.fields.js';

export type IntakeFilters = z.output<typeof intakeFilters>;

interface SummaryRow {
  id: string;
  number: string;
  access_date: string;
  status: 'incomplete' | 'complete';
  office_id: string;
  office_name: string;
  operator_name: string;
  access_mode: IntakeSummary['accessMode'];
  access_reason: IntakeSummary['accessReason'];
  outcome: IntakeSummary['outcome'];
  social_category: string | null;
  person_id: string | null;
  received_from_office: string | null;
  updated_at: Date;
  version: number;
  can_update: boolean;
  desk_readable_classes?: DeskSettings['readableClasses'];
  person: PersonSummaryRow | null;
  proposal_status: IntakeSummary['proposalStatus'];
}

/**
 * Visible schede matching the filters, newest access first (keyset paged on access date and id);
 * person names masked per class. One query whatever the page size: the names, the person's summary and
 * the latest proposal's status are scalar subqueries on keys rather than joins or further round trips,
 * which PostgreSQL plans in a fraction of the time (planning, not execution, dominated these reads in
 * bench/intake). `opts.settings`: the actor's desk settings when the caller has them already.
 */
export async function findIntakeSummaries(
  db: Kysely<DB>,
  actor: ContextActor,
  filters: IntakeFilters,
  page: { limit: number; cursor?: string },
  opts: { settings?: DeskSettings } = {},
): Promise<{ items: IntakeSummary[]; nextCursor: string | null; personIds: string[]; classesRead: FieldClass[] }> {
  const scope = actor.scopes['intakeRecords.get'];
  if (filters.allOffices && scope !== 'ente' && scope !== 'ambito') {
    throw new AppError('forbidden', [{ path: 'allOffices', message: 'ambito_non_consentito' }]);
  }
  const limit = Math.min(Math.max(page.limit, 1), 200);
  const after = decodeCursor(page.cursor, 2);
  const officeId = filters.allOffices ? null : filters.officeId ?? actor.context.officeId;
  // One desk's list (the common case, and the desk home's) or the whole reach (allOffices).
  const visible = (permission: string) =>
    officeId ? visibleInOffice(actor, permission, INTAKE_RECORD, 'r', officeId) : visibleTo(actor, permission, INTAKE_RECORD, 'r');
  const where = [sql`r.deleted_at IS NULL`, visible('intakeRecords.get')];
  if (filters.from) where.push(sql`r.access_date >= ${filters.from}::date`);
  if (filters.to) where.push(sql`r.access_date <= ${filters.to}::date`);
  if (filters.status) where.push(sql`r.status = ${filters.status}`);
  if (filters.outcome) where.push(sql`r.outcome = ${filters.outcome}`);
  if (filters.personId) where.push(sql`r.person_id = ${filters.personId}`);
  if (filters.number) where.push(sql`r.number = ${filters.number}`);
  if (after) where.push(sql`(r.access_date, r.id) < (${String(after[0])}::date, ${String(after[1])}::uuid)`);
  // The masking profile of the actor's desk travels with the rows (the same on each; no rows, nothing to mask).
  const deskMasking = opts.settings
    ? sql``
    : sql`, (SELECT dc.readable_classes FROM desk_config dc WHERE dc.office_id = ${actor.context.officeId}) AS desk_readable_classes`;
  const r = await sql<SummaryRow>`
    SELECT r.id, r.number, r.access_date, r.status, r.office_id,
           (SELECT o.name FROM office o WHERE o.id = r.office_id) AS office_name,
           (SELECT op.given_name || ' ' || op.family_name FROM operator op WHERE op.id = r.operator_id) AS operator_name,
           r.access_mode, r.access_reason, r.outcome, r.social_category, r.person_id,
           (SELECT so.name || ' — ' || se.name FROM intake_transfer t JOIN office so ON so.id = t.source_office_id JOIN ente se ON se.id = t.source_ente_id
             WHERE t.id = r.received_from AND ${visibleRule(actor, 'intakeTransfer', 't', { via: 'r', viaColumn: 'received_intake_id' })}) AS received_from_office,
           r.updated_at, r.version, ${visible('intakeRecords.update')} AS can_update,
           ${personSummaryJson(actor, 'r')} AS person,
           (SELECT tp.status FROM take_charge_proposal tp WHERE tp.intake_id = r.id AND ${visibleRule(actor, 'takeChargeProposal', 'tp', { via: 'r' })} ORDER BY tp.created_at DESC LIMIT 1) AS proposal_status
           ${deskMasking}
      FROM intake_record r
     WHERE ${sql.join(where, sql` AND `)}
     ORDER BY r.access_date DESC, r.id DESC
     LIMIT ${limit + 1}`.execute(db);

  const readable = deskReadable(actor, opts.settings ?? { readableClasses: r.rows[0]?.desk_readable_classes ?? null });
  const rows = r.rows.slice(0, limit);
  const personIds = [...new Set(rows.flatMap((x) => (x.person_id ? [x.person_id] : [])))];
  const classes = new Set<FieldClass>();
  const categoryClass = outcomeFieldClasses.socialCategory!;
  const paged = toPage(
    r.rows,
    limit,
    (x) => [x.access_date, x.id],
    (x): IntakeSummary => {
      if (x.social_category !== null && readable.has(categoryClass)) classes.add(categoryClass);
      return {
        id: x.id,
        number: x.number,
        accessDate: x.access_date,
        status: x.status,
        officeId: x.office_id,
        officeName: x.office_name,
        operatorName: x.operator_name,
        accessMode: x.access_mode,
        accessReason: x.access_reason,
        outcome: x.outcome,
        socialCategory: readable.has(categoryClass) ? (x.social_category as IntakeSummary['socialCategory']) : MASKED,
        person: x.person ? presentPersonSummary(x.person, readable, classes) : null,
        receivedFromOffice: x.received_from_office,
        proposalStatus: x.proposal_status,
        updatedAt: x.updated_at.toISOString(),
        version: x.version,
        abilities: intakeAbilities(actor, x),
      };
    },
  );
  return { ...paged, personIds, classesRead: [...classes] };
}
