import { sql, type Kysely } from 'kysely';
import type { IntakeSummary } from '@siso/shared';
import type { z } from 'zod';
import type { intakeFilters } from '@siso/shared';
import { presentRecord, type ReadAudit } from '../../access/present.js';
import { visible as visibleRule, visibleInOffice, visibleTo } from '../../access/visibility.js';
import { decodeCursor, toPage } from '../../db/keyset.js';
import type { DB } from '../../db/types.js';
import { AppError } from '../../http/app-error.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { INTAKE_RECORD } from './intake-kinds.js';
import { personSummaryJson, presentPersonSummary, type PersonSummaryRow } from './intake-persons.js';
import { intakeAbilities } from './intake-repo.js';

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
  person: PersonSummaryRow | null;
  proposal_status: IntakeSummary['proposalStatus'];
}

/**
 * Visible schede matching the filters, newest access first (keyset paged on access date and id);
 * person names masked per class. One query whatever the page size: the names, the person's summary and
 * the latest proposal's status are scalar subqueries on keys rather than joins or further round trips,
 * which PostgreSQL plans in a fraction of the time (planning, not execution, dominated these reads in
 * bench/intake). Every row goes through the presenters (audited as listed).
 */
export async function findIntakeSummaries(
  ctx: ReadAudit,
  db: Kysely<DB>,
  actor: ContextActor,
  filters: IntakeFilters,
  page: { limit: number; cursor?: string },
): Promise<{ items: IntakeSummary[]; nextCursor: string | null }> {
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
      FROM intake_record r
     WHERE ${sql.join(where, sql` AND `)}
     ORDER BY r.access_date DESC, r.id DESC
     LIMIT ${limit + 1}`.execute(db);

  return toPage(
    r.rows,
    limit,
    (x) => [x.access_date, x.id],
    (x): IntakeSummary => {
      // The scheda's own field a list shows, through the kind's one presenter (its class: the outcome section's).
      const { outcome } = presentRecord(ctx, actor, INTAKE_RECORD, { outcome: { socialCategory: x.social_category } }, { id: x.id, about: [x.person_id], listed: true });
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
        socialCategory: (outcome as { socialCategory: IntakeSummary['socialCategory'] }).socialCategory,
        person: x.person ? presentPersonSummary(ctx, actor, x.person, { listed: true }) : null,
        receivedFromOffice: x.received_from_office,
        proposalStatus: x.proposal_status,
        updatedAt: x.updated_at.toISOString(),
        version: x.version,
        abilities: intakeAbilities(actor, x),
      };
    },
  );
}
