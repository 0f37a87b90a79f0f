import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PersonSummary, ProposalView } from '@siso/shared';
import { abilitiesFor } from '../../../access/abilities.js';
import { presentRecord, type ReadAudit } from '../../../access/present.js';
import type { AsJson } from '../../../db/json-row.js';
import type { DB } from '../../../db/types.js';
import type { ContextActor } from '../../organisation/require-actor.js';
import { visible, visibleByNature, visibleTo } from '../../../access/visibility.js';
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
 * The columns of a ProposalRow over alias t, with the scheda under alias r (null when the actor may not
 * see it). Also selected as JSON by the scheda's view, where r is the scheda itself (intake-view-query.ts).
 */
export const proposalColumns = sql`t.id, t.intake_id, coalesce(r.number, '') AS intake_number, coalesce(r.access_date, t.created_at::date) AS access_date, t.person_id, t.ambito_id, t.source_ente_id, t.source_office_id,
           (SELECT e.name FROM ente e WHERE e.id = t.source_ente_id) AS source_ente_name,
           (SELECT o.name FROM office o WHERE o.id = t.source_office_id) AS source_office_name,
           t.dest_ente_id, (SELECT e.name FROM ente e WHERE e.id = t.dest_ente_id) AS dest_ente_name,
           t.social_category, t.status, t.created_at, t.created_at::text AS created_key, t.seen_at,
           (SELECT op.given_name || ' ' || op.family_name FROM operator op WHERE op.id = t.seen_by) AS seen_by_name, t.decided_at,
           (SELECT op.given_name || ' ' || op.family_name FROM operator op WHERE op.id = t.decided_by) AS decided_by_name, t.note, t.version`;

/**
 * Proposals matching `where` (alias t) among those the actor may see — the proposing desk's through
 * its scheda, the destination's professional social service's (record-kind-rules.ts) —, newest first;
 * `where` narrows, it never widens. The scheda's number and access date come from the scheda when the
 * actor may see it — the destination's professional social service may, through the grants the
 * proposal made to its offices (openProposal) — and are blank otherwise.
 */
export async function selectProposals(
  db: Kysely<DB>,
  actor: ContextActor,
  where: RawBuilder<unknown>,
  limit = 200,
  opts: { forUpdate?: boolean; inbox?: boolean } = {},
): Promise<ProposalRow[]> {
  // The inbox (proposalInbox) is exactly what the professional social service sees by the nature of a proposal.
  const rule = opts.inbox ? visibleByNature(actor, TAKE_CHARGE_PROPOSAL, 't') : visible(actor, TAKE_CHARGE_PROPOSAL, 't');
  const forUpdate = opts.forUpdate ?? false;
  const r = await sql<ProposalRow>`
    SELECT ${proposalColumns}
      FROM take_charge_proposal t
      -- Names by scalar subqueries on primary keys, not joins: join planning cost more than execution (see transfer-repo.ts).
      LEFT JOIN intake_record r ON r.id = t.intake_id AND ${visibleTo(actor, 'intakeRecords.get', INTAKE_RECORD, 'r')}
     WHERE ${where} AND ${rule}
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

/** The one presenter of a proposal; its person is presented by the person's presenter (`person`). `row` as selected or as JSON. */
export function presentProposal(ctx: ReadAudit, actor: ContextActor, row: ProposalRow | AsJson<ProposalRow>, person: PersonSummary | null, listed = true): ProposalView {
  const iso = (d: Date | string) => new Date(d).toISOString();
  const view = {
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
    createdAt: iso(row.created_at),
    seenAt: row.seen_at ? iso(row.seen_at) : null,
    seenByName: row.seen_by_name,
    decidedAt: row.decided_at ? iso(row.decided_at) : null,
    decidedByName: row.decided_by_name,
    note: row.note,
    version: row.version,
    abilities: proposalAbilities(actor, row),
  };
  return presentRecord(ctx, actor, TAKE_CHARGE_PROPOSAL, view, { id: row.id, about: [row.person_id], listed }) as ProposalView;
}

/** Rows as views, with their people (one query for all of them); the presenters note the audit. */
export async function presentProposals(ctx: ReadAudit, db: Kysely<DB>, actor: ContextActor, rows: readonly ProposalRow[], listed = true): Promise<ProposalView[]> {
  const ids = rows.flatMap((r) => (r.person_id ? [r.person_id] : []));
  const people = await loadPersonSummaries(ctx, db, actor, ids);
  return rows.map((r) => presentProposal(ctx, actor, r, r.person_id ? (people.get(r.person_id) ?? null) : null, listed));
}
