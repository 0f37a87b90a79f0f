import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PersonSummary, ProposalView } from '@siso/shared';
import { abilitiesFor } from '../../../access/abilities.js';
import type { FieldClass } from '../../../access/field-classes.js';
import type { DB } from '../../../db/types.js';
import type { ContextActor } from '../../organisation/require-actor.js';
import { visible, visibleTo } from '../../../access/visibility.js';
import { INTAKE_RECORD } from '../intake-kinds.js';
import { loadPersonSummaries } from '../intake-persons.js';

/** Record kind of a proposal to take charge (its rule: access/record-kind-rules.ts). */
export const TAKE_CHARGE_PROPOSAL = 'takeChargeProposal';

/**
 * The proposals inbox over alias t: the proposals addressed to the actor's ente, for an actor working
 * at one of its professional social service offices — the service the proposal is for, never every
 * office of the ente (issue 10, point 5; GDPR art. 5(1)(c)). It narrows what selectProposals' rule
 * lets the actor see.
 */
export function proposalInbox(actor: ContextActor): RawBuilder<boolean> {
  return actor.context.officeType === 'servizio_sociale_professionale' ? sql<boolean>`t.dest_ente_id = ${actor.context.enteId}` : sql<boolean>`false`;
}

/** A proposal with the names the view shows. */
export interface ProposalRow {
  id: string;
  intake_id: string;
  intake_number: string;
  access_date: string;
  person_id: string | null;
  ambito_id: string;
  source_ente_id: string;
  source_office_id: string;
  source_ente_name: string;
  source_office_name: string;
  dest_ente_id: string;
  dest_ente_name: string;
  social_category: ProposalView['socialCategory'];
  status: ProposalView['status'];
  created_at: Date;
  /** created_at at full precision, for the keyset cursor. */
  created_key: string;
  seen_at: Date | null;
  seen_by_name: string | null;
  decided_at: Date | null;
  decided_by_name: string | null;
  note: string | null;
  version: number;
}

/**
 * Proposals matching `where` (alias t) among those the actor may see — the proposing desk's through
 * its scheda, the destination's professional social service's (record-kind-rules.ts) —, newest first;
 * `where` narrows, it never widens. The scheda's number and access date come from the scheda when the
 * actor may see it — the destination's professional social service may, through the grants the
 * proposal made to its offices (openProposal) — and are blank otherwise.
 */
export async function selectProposals(db: Kysely<DB>, actor: ContextActor, where: RawBuilder<unknown>, limit = 200, forUpdate = false): Promise<ProposalRow[]> {
  const r = await sql<ProposalRow>`
    SELECT t.id, t.intake_id, coalesce(r.number, '') AS intake_number, coalesce(r.access_date, t.created_at::date) AS access_date, t.person_id, t.ambito_id, t.source_ente_id, t.source_office_id,
           (SELECT e.name FROM ente e WHERE e.id = t.source_ente_id) AS source_ente_name,
           (SELECT o.name FROM office o WHERE o.id = t.source_office_id) AS source_office_name,
           t.dest_ente_id, (SELECT e.name FROM ente e WHERE e.id = t.dest_ente_id) AS dest_ente_name,
           t.social_category, t.status, t.created_at, t.created_at::text AS created_key, t.seen_at,
           (SELECT op.given_name || ' ' || op.family_name FROM operator op WHERE op.id = t.seen_by) AS seen_by_name, t.decided_at,
           (SELECT op.given_name || ' ' || op.family_name FROM operator op WHERE op.id = t.decided_by) AS decided_by_name, t.note, t.version
      FROM take_charge_proposal t
      -- Names by scalar subqueries on primary keys, not joins: join planning cost more than execution (see transfer-repo.ts).
      LEFT JOIN intake_record r ON r.id = t.intake_id AND ${visibleTo(actor, 'intakeRecords.get', INTAKE_RECORD, 'r')}
     WHERE ${where} AND ${visible(actor, TAKE_CHARGE_PROPOSAL, 't')}
     ORDER BY t.created_at DESC, t.id DESC
     LIMIT ${limit}
     ${forUpdate ? sql`FOR UPDATE OF t` : sql``}`.execute(db);
  return r.rows;
}

/** The social service of the destination ente decides; proposed → seen → rejected (accepted: case-file issue). */
export function proposalAbilities(actor: ContextActor, row: Pick<ProposalRow, 'dest_ente_id' | 'status'>): string[] {
  const ours = row.dest_ente_id === actor.context.enteId && actor.context.officeType === 'servizio_sociale_professionale';
  return abilitiesFor(actor, ['proposals.get', 'proposals.markSeen', 'proposals.reject'], (a) => {
    if (!ours) return false;
    if (a === 'proposals.markSeen') return row.status === 'proposed';
    if (a === 'proposals.reject') return row.status === 'proposed' || row.status === 'seen';
    return true;
  });
}

export function presentProposal(actor: ContextActor, row: ProposalRow, person: PersonSummary | null): ProposalView {
  return {
    id: row.id,
    intakeId: row.intake_id,
    intakeNumber: row.intake_number,
    accessDate: row.access_date,
    person,
    sourceEnteName: row.source_ente_name,
    sourceOfficeName: row.source_office_name,
    destEnteId: row.dest_ente_id,
    destEnteName: row.dest_ente_name,
    socialCategory: row.social_category,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    seenAt: row.seen_at?.toISOString() ?? null,
    seenByName: row.seen_by_name,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedByName: row.decided_by_name,
    note: row.note,
    version: row.version,
    abilities: proposalAbilities(actor, row),
  };
}

/** Rows as views, with their people masked for the actor in one query; notes subjects and classes read. */
export async function presentProposals(
  db: Kysely<DB>,
  actor: ContextActor,
  rows: readonly ProposalRow[],
  readable: ReadonlySet<FieldClass>,
): Promise<{ items: ProposalView[]; subjects: string[]; classesRead: FieldClass[] }> {
  const ids = rows.flatMap((r) => (r.person_id ? [r.person_id] : []));
  const { people, classesRead } = await loadPersonSummaries(db, actor, ids, readable);
  const items = rows.map((r) => presentProposal(actor, r, r.person_id ? (people.get(r.person_id) ?? null) : null));
  return { items, subjects: [...people.keys()], classesRead };
}

/** The latest proposal to take charge made from a visible scheda, if any. */
export async function loadProposalOf(db: Kysely<DB>, actor: ContextActor, intakeId: string): Promise<ProposalView | null> {
  // The caller has checked the scheda is visible (its proposal is, through it); the person is the scheda's own, shown as the scheda shows it.
  const rows = await selectProposals(db, actor, sql`t.intake_id = ${intakeId}`, 1);
  if (rows.length === 0) return null;
  return (await presentProposals(db, actor, rows, actor.readable)).items[0] ?? null;
}
