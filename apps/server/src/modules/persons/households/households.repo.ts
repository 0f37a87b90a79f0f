import { sql, type Kysely } from 'kysely';
import type { HouseholdGroupView, PersonSummary } from '@siso/shared';
import type { Actor } from '../../../access/actor.js';
import { abilitiesFor } from '../../../access/abilities.js';
import { presentRecord, type ReadAudit } from '../../../access/present.js';
import { visible, visibleOrPreview, visibleTo, writableBy } from '../../../access/visibility.js';
import type { DB } from '../../../db/types.js';
import { PERSON, protectionGrantedSql } from '../person-kinds.js';
import { presentSummary, presentSummaryPreview } from '../person-present.js';
import type { PersonRow } from '../person-repo.js';
import { groupKindOrder } from './households.fields.js';

const HOUSEHOLD_GROUP = 'householdGroup';
const HOUSEHOLD_MEMBER = 'householdMember';

/** ANPR relazione di parentela (tabella 5): the kinship of a member to the group's owner. */
export const RELATIONSHIP_LIST = 'anpr.relazione_parentela';

export type GroupKind = HouseholdGroupView['kind'];

export interface GroupRow {
  id: string;
  ambito_id: string;
  owner_person_id: string;
  kind: GroupKind;
  lives_alone: boolean;
  version: number;
  archived_at: Date | null;
}

export interface MemberRow {
  id: string;
  group_id: string;
  person_id: string | null;
  display_name: string | null;
  relationship: string;
  relationship_label: string | null;
  cohabiting: boolean;
  parental_responsibility: boolean;
  availability: 'available' | 'partial' | 'unavailable' | null;
  contact: string | null;
  note: string | null;
  valid_from: string | null;
  valid_to: string | null;
  source: 'manual' | 'registry';
  position: number;
}

/** A person linked in a group, with what the actor may see of them. */
export interface LinkedPerson {
  id: string;
  ambito_id: string;
  ente_name: string;
  anonymous_code: string | null;
  fiscal_code: string | null;
  fiscal_code_kind: PersonSummary['fiscalCodeKind'];
  surname: string | null;
  name: string | null;
  birth_date: string | null;
  date_of_death: string | null;
  version: number;
  protection_reason: PersonRow['protection_reason'];
  merged_into: string | null;
  archived_at: Date | null;
  in_scope: boolean;
  protection_granted: boolean;
}

const groupColumns = sql`g.id, g.ambito_id, g.owner_person_id, g.kind, g.lives_alone, g.version, g.archived_at`;
const kindOrder = sql`array_position(ARRAY[${sql.join(groupKindOrder.map((k) => sql.lit(k)))}]::text[], g.kind)`;

/** The live (non-archived) groups owned by a person: household, relatives, network. */
export async function loadGroups(db: Kysely<DB>, actor: Actor, ownerId: string): Promise<GroupRow[]> {
  const r = await sql<GroupRow>`
    SELECT ${groupColumns} FROM household_group g
     WHERE g.owner_person_id = ${ownerId} AND g.archived_at IS NULL AND ${visible(actor, 'householdGroup', 'g')}
     ORDER BY ${kindOrder}, g.created_at, g.id`.execute(db);
  return r.rows;
}

/** One live group of the owner, locked for a write with `permission` (its owner writable: a grant shares for reading only). */
export async function lockGroup(db: Kysely<DB>, actor: Actor, permission: string, ownerId: string, groupId: string): Promise<GroupRow | null> {
  const r = await sql<GroupRow>`
    SELECT ${groupColumns} FROM household_group g
     WHERE g.id = ${groupId} AND g.owner_person_id = ${ownerId} AND g.archived_at IS NULL
       AND ${writableBy(actor, 'householdGroup', 'g', permission)}
     FOR UPDATE OF g`.execute(db);
  return r.rows[0] ?? null;
}

/** The live group of a kind, if the owner has one (one per owner and kind). */
export async function groupOfKind(db: Kysely<DB>, actor: Actor, ownerId: string, kind: GroupKind): Promise<GroupRow | null> {
  const r = await sql<GroupRow>`
    SELECT ${groupColumns} FROM household_group g
     WHERE g.owner_person_id = ${ownerId} AND g.kind = ${kind} AND g.archived_at IS NULL AND ${visible(actor, 'householdGroup', 'g')}`.execute(db);
  return r.rows[0] ?? null;
}

/** Members of the groups in position order, with the kinship label of the ANPR table. */
export async function loadMembers(db: Kysely<DB>, actor: Actor, groupIds: readonly string[]): Promise<MemberRow[]> {
  if (groupIds.length === 0) return [];
  const r = await sql<MemberRow>`
    SELECT m.id, m.group_id, m.person_id, m.display_name, m.relationship,
           (SELECT rc.label FROM ref_code rc WHERE rc.list = ${RELATIONSHIP_LIST} AND rc.code = m.relationship) AS relationship_label,
           m.cohabiting, m.parental_responsibility, m.availability, m.contact, m.note, m.valid_from, m.valid_to, m.source, m.position
      FROM household_member m
     WHERE m.group_id = ANY(${[...groupIds]}::uuid[]) AND ${visible(actor, 'householdMember', 'm')}
     ORDER BY m.group_id, m.position, m.id`.execute(db);
  return r.rows;
}

/**
 * The people behind member links, each flagged with the actor's sight of them: `in_scope` is the
 * same predicate as every person read (scope OR grant); rows outside it come back only to decide
 * between a preview and hiding, never shown beyond that.
 */
export async function loadLinkedPeople(db: Kysely<DB>, actor: Actor, ids: readonly string[]): Promise<Map<string, LinkedPerson>> {
  const out = new Map<string, LinkedPerson>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const r = await sql<LinkedPerson>`
    SELECT p.id, p.ambito_id, e.name AS ente_name, p.anonymous_code, p.fiscal_code, p.fiscal_code_kind, p.surname, p.name,
           p.birth_date, p.date_of_death, p.version, p.protection_reason, p.merged_into, p.archived_at,
           ${visibleTo(actor, 'persons.get', PERSON, 'p')} AS in_scope,
           ${protectionGrantedSql(actor, sql.ref('p.id'))} AS protection_granted
      FROM person p JOIN ente e ON e.id = p.ente_id
     WHERE p.id = ANY(${unique}::uuid[]) AND ${visibleOrPreview(actor, PERSON, 'p', true, { withNeverPreviewed: true })}`.execute(db);
  for (const row of r.rows) out.set(row.id, row);
  return out;
}

/**
 * What the actor sees of a linked person:
 * - `full`: in scope (or granted), masked per class;
 * - `preview`: outside the scope but in the actor's ambito, for profiles that register people — the
 *   limited preview of persons.find (name, birth date, fiscal code, holding ente);
 * - `hidden`: a protected person the actor is not granted (issue 4, point 5: household links hidden
 *   from everyone but the granted operators; never previewed), or someone outside both.
 */
export type Sight = 'full' | 'preview' | 'hidden';

export function sightOf(actor: Actor, p: LinkedPerson | undefined): Sight {
  if (!p) return 'hidden';
  if (p.protection_reason !== null && !p.protection_granted) return 'hidden';
  if (p.in_scope) return 'full';
  if (p.protection_reason === null && p.ambito_id === actor.context?.ambitoId && actor.permissions.has('persons.create')) return 'preview';
  return 'hidden';
}

/**
 * The compact person of a member or owner, through the person presenter as a listed row (their own
 * classes; a break-the-glass on the group's owner opens nothing of other people), or the search
 * preview's fixed fields.
 */
export function summaryOf(ctx: ReadAudit, actor: Actor, p: LinkedPerson, sight: 'full' | 'preview'): PersonSummary {
  return sight === 'preview' ? presentSummaryPreview(ctx, p) : presentSummary(ctx, actor, p, { listed: true });
}

/** Abilities of a group: rewriting it follows the owner's write scope and protection grant. */
export function groupAbilities(actor: Actor, owner: PersonRow): string[] {
  const live = owner.merged_into === null && owner.archived_at === null;
  return abilitiesFor(actor, ['households.update'], () => live && owner.can_update && (owner.protection_reason === null || owner.protection_granted));
}

/**
 * The owner's groups as the actor may see them: members in position order, each linked person
 * shown in full, as a preview, or dropped and counted in `hiddenMembers`; groups and members through
 * their kinds' presenters (households.fields.ts), with the classes a break-the-glass opened on the
 * owner (`owner.opened_classes`). The caller has checked the owner's household links are not withheld.
 */
export async function presentGroups(
  ctx: ReadAudit,
  db: Kysely<DB>,
  actor: Actor,
  owner: PersonRow,
  groups: readonly GroupRow[],
): Promise<HouseholdGroupView[]> {
  const members = await loadMembers(db, actor, groups.map((g) => g.id));
  const people = await loadLinkedPeople(db, actor, members.flatMap((m) => (m.person_id ? [m.person_id] : [])));
  const abilities = groupAbilities(actor, owner);
  const opened = owner.opened_classes;
  return groups.map((g): HouseholdGroupView => {
    let hidden = 0;
    const shown: HouseholdGroupView['members'] = [];
    for (const m of members) {
      if (m.group_id !== g.id) continue;
      let person: PersonSummary | null = null;
      if (m.person_id) {
        const p = people.get(m.person_id);
        const sight = sightOf(actor, p);
        if (sight === 'hidden' || !p) {
          hidden += 1;
          continue;
        }
        person = summaryOf(ctx, actor, p, sight);
      }
      const member = {
        id: m.id,
        person,
        displayName: m.display_name,
        relationship: m.relationship,
        relationshipLabel: m.relationship_label,
        cohabiting: m.cohabiting,
        parentalResponsibility: m.parental_responsibility,
        availability: m.availability,
        contact: m.contact,
        note: m.note,
        validFrom: m.valid_from,
        validTo: m.valid_to,
        source: m.source,
      };
      shown.push(presentRecord(ctx, actor, HOUSEHOLD_MEMBER, member, { id: m.id, about: [owner.id, m.person_id], opened, listed: true }) as typeof member);
    }
    const group = { id: g.id, kind: g.kind, livesAlone: g.lives_alone, members: shown, hiddenMembers: hidden, version: g.version, abilities };
    return presentRecord(ctx, actor, HOUSEHOLD_GROUP, group, { id: g.id, about: [owner.id], opened, listed: true }) as HouseholdGroupView;
  });
}

export interface MemberOfView {
  groupId: string;
  kind: GroupKind;
  owner: PersonSummary;
  relationship: string;
}

/**
 * Groups of other people where the person is a member, limited to owners the actor may read (the
 * same `visibleTo` as every person read) and whose household links the actor may see (a protected
 * owner's groups are hidden unless granted).
 */
export async function loadMemberOf(ctx: ReadAudit, db: Kysely<DB>, actor: Actor, personId: string): Promise<MemberOfView[]> {
  const r = await sql<LinkedPerson & { group_id: string; kind: GroupKind; member_id: string; relationship: string }>`
    SELECT g.id AS group_id, g.kind, m.id AS member_id, m.relationship,
           p.id, p.ambito_id, e.name AS ente_name, p.anonymous_code, p.fiscal_code, p.fiscal_code_kind, p.surname, p.name,
           p.birth_date, p.date_of_death, p.version, p.protection_reason, p.merged_into, p.archived_at,
           true AS in_scope,
           ${protectionGrantedSql(actor, sql.ref('p.id'))} AS protection_granted
      FROM household_member m
      JOIN household_group g ON g.id = m.group_id AND g.archived_at IS NULL
      JOIN person p ON p.id = g.owner_person_id
      JOIN ente e ON e.id = p.ente_id
     WHERE m.person_id = ${personId} AND g.owner_person_id <> ${personId}
       AND ${visibleTo(actor, 'persons.get', PERSON, 'p')}
       AND ${visible(actor, 'householdGroup', 'g', { via: 'p' })} AND ${visible(actor, 'householdMember', 'm', { via: 'g' })}
       AND (p.protection_reason IS NULL OR ${protectionGrantedSql(actor, sql.ref('p.id'))})
     ORDER BY ${kindOrder}, p.surname_norm, p.name_norm, g.id`.execute(db);
  return r.rows.map((row) => {
    // The link is a member row of the owner's group: shown through the member's presenter.
    const link = presentRecord(ctx, actor, HOUSEHOLD_MEMBER, { relationship: row.relationship }, { id: row.member_id, about: [personId, row.id], listed: true });
    return { groupId: row.group_id, kind: row.kind, relationship: link.relationship as string, owner: summaryOf(ctx, actor, row, 'full') };
  });
}

/** The relationship codes among `codes` that exist in the ANPR table. */
export async function knownRelationships(db: Kysely<DB>, codes: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Set();
  const r = await sql<{ code: string }>`SELECT code FROM ref_code WHERE list = ${RELATIONSHIP_LIST} AND code = ANY(${unique}::text[])`.execute(db);
  return new Set(r.rows.map((x) => x.code));
}
