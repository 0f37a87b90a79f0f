import { sql, type Kysely } from 'kysely';
import type { IntakeSummary } from '@siso/shared';
import type { z } from 'zod';
import type { intakeFilters } from '@siso/shared';
import type { FieldClass } from '../../access/field-classes.js';
import { MASKED } from '../../access/masking.js';
import { visibleTo } from '../../access/visibility.js';
import { decodeCursor, toPage } from '../../db/keyset.js';
import type { DB } from '../../db/types.js';
import { AppError } from '../../http/app-error.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { deskSettingsOf, deskReadable, notExcludedDesk } from './desk-access.js';
import { INTAKE_RECORD } from './intake-kinds.js';
import { loadPersonSummaries } from './intake-persons.js';
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
}

/**
 * Visible schede matching the filters, newest access first (keyset paged on access date and id);
 * person names masked per class. Three queries whatever the page size: rows, people, proposals. Names
 * are scalar subqueries on primary keys rather than joins, which PostgreSQL plans in a fraction of the
 * time (planning, not execution, dominated these reads in bench/intake).
 */
export async function findIntakeSummaries(
  db: Kysely<DB>,
  actor: ContextActor,
  filters: IntakeFilters,
  page: { limit: number; cursor?: string },
): Promise<{ items: IntakeSummary[]; nextCursor: string | null; personIds: string[]; classesRead: FieldClass[] }> {
  const scope = actor.scopes['intakeRecords.get'];
  if (filters.allOffices && scope !== 'ente' && scope !== 'ambito') {
    throw new AppError('forbidden', [{ path: 'allOffices', message: 'ambito_non_consentito' }]);
  }
  const limit = Math.min(Math.max(page.limit, 1), 200);
  const after = decodeCursor(page.cursor, 2);
  const where = [
    sql`r.deleted_at IS NULL`,
    visibleTo(actor, 'intakeRecords.get', INTAKE_RECORD, 'r'),
    notExcludedDesk(actor, 'r'),
  ];
  if (!filters.allOffices) where.push(sql`r.office_id = ${filters.officeId ?? actor.context.officeId}`);
  if (filters.from) where.push(sql`r.access_date >= ${filters.from}::date`);
  if (filters.to) where.push(sql`r.access_date <= ${filters.to}::date`);
  if (filters.status) where.push(sql`r.status = ${filters.status}`);
  if (filters.outcome) where.push(sql`r.outcome = ${filters.outcome}`);
  if (filters.personId) where.push(sql`r.person_id = ${filters.personId}`);
  if (filters.number) where.push(sql`r.number = ${filters.number}`);
  if (after) where.push(sql`(r.access_date, r.id) < (${String(after[0])}::date, ${String(after[1])}::uuid)`);
  const r = await sql<SummaryRow>`
    SELECT r.id, r.number, r.access_date, r.status, r.office_id,
           (SELECT o.name FROM office o WHERE o.id = r.office_id) AS office_name,
           (SELECT op.given_name || ' ' || op.family_name FROM operator op WHERE op.id = r.operator_id) AS operator_name,
           r.access_mode, r.access_reason, r.outcome, r.social_category, r.person_id,
           (SELECT so.name || ' — ' || se.name FROM intake_transfer t JOIN office so ON so.id = t.source_office_id JOIN ente se ON se.id = t.source_ente_id
             WHERE t.id = r.received_from) AS received_from_office,
           r.updated_at, r.version, ${visibleTo(actor, 'intakeRecords.update', INTAKE_RECORD, 'r')} AS can_update
      FROM intake_record r
     WHERE ${sql.join(where, sql` AND `)}
     ORDER BY r.access_date DESC, r.id DESC
     LIMIT ${limit + 1}`.execute(db);

  const readable = deskReadable(actor, await deskSettingsOf(db, actor.context.officeId));
  const rows = r.rows.slice(0, limit);
  const personIds = [...new Set(rows.flatMap((x) => (x.person_id ? [x.person_id] : [])))];
  const { people, classesRead } = await loadPersonSummaries(db, actor, personIds, readable);
  const proposals = await latestProposalStatus(db, rows.map((x) => x.id));
  const classes = new Set<FieldClass>(classesRead);
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
        person: x.person_id ? people.get(x.person_id) ?? null : null,
        receivedFromOffice: x.received_from_office,
        proposalStatus: proposals.get(x.id) ?? null,
        updatedAt: x.updated_at.toISOString(),
        version: x.version,
        abilities: intakeAbilities(actor, x),
      };
    },
  );
  return { ...paged, personIds, classesRead: [...classes] };
}

/** The status of the latest proposal to take charge of each scheda (one query). */
async function latestProposalStatus(db: Kysely<DB>, intakeIds: readonly string[]): Promise<Map<string, IntakeSummary['proposalStatus']>> {
  if (intakeIds.length === 0) return new Map();
  const r = await sql<{ intake_id: string; status: NonNullable<IntakeSummary['proposalStatus']> }>`
    SELECT DISTINCT ON (intake_id) intake_id, status FROM take_charge_proposal
     WHERE intake_id = ANY(${[...intakeIds]}::uuid[]) ORDER BY intake_id, created_at DESC`.execute(db);
  return new Map(r.rows.map((x) => [x.intake_id, x.status]));
}
