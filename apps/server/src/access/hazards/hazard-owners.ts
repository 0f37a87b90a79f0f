import { sql } from 'kysely';
import type { OwnerPerson, Owners, Ref } from '../cross-tenant/owner-ids.js';
import type { Kit } from './kit.js';
import { viewerOf } from './viewers.js';

/**
 * A hazard seen as the cross-tenant templates' `Owners`: its people, schede and every row hanging
 * from them, read back from the database, so the templates put exactly the hazard's ids into
 * schema-valid bodies (one per id: every scheda in intakeRecords.get and print, every file in
 * attachments.get, every person in persons.get, history, households, privacy, the names and codes as
 * search text, the offices as filters of lists, exports and counters).
 */
export interface HazardScope {
  /** Who wrote the rows (the owner persona: operators.get bodies, the sanity reading). */
  owner: string;
  personIds: string[];
  intakeIds: string[];
  /** Offices given to lists, exports and counters as filters: the hazard's desks and the viewers' own. */
  officeIds: string[];
  /** People whose names and codes are searched (default: all of `personIds`). */
  searched?: string[];
}

/** Ids of every row hanging from the hazard's people and schede (the `what` names the secrets use): the cross-tenant owners' lists. */
export type ChildIds = Pick<Owners, 'notes' | 'serviceRequests' | 'attachments' | 'notices' | 'consents' | 'transfers' | 'proposals' | 'groups' | 'grants' | 'alerts'>;

const uuids = (xs: string[]) => sql`ANY(${xs}::uuid[])`;

export async function childIds(k: Kit, personIds: string[], intakeIds: string[]): Promise<ChildIds> {
  const q = async <T = { id: string }>(query: ReturnType<typeof sql<T>>) => (await query.execute(k.db)).rows;
  const id = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
  const P = uuids(personIds);
  const I = uuids(intakeIds);
  const serviceRequests = await q<Ref>(sql`SELECT id, version FROM service_request WHERE intake_id = ${I} ORDER BY created_at`);
  const notices = id(await q(sql`SELECT id FROM privacy_notice WHERE intake_id = ${I} OR person_id = ${P} ORDER BY created_at`));
  const groups = await q<Ref & { personId: string }>(sql`SELECT id, version, owner_person_id AS "personId" FROM household_group WHERE owner_person_id = ${P}`);
  const linked = [...personIds, ...intakeIds];
  return {
    notes: id(await q(sql`SELECT id FROM intake_note WHERE intake_id = ${I} ORDER BY written_at`)),
    serviceRequests,
    attachments: id(await q(sql`SELECT id FROM attachment WHERE owner_id = ${uuids([...serviceRequests.map((s) => s.id), ...notices])} ORDER BY created_at`)),
    notices,
    consents: id(await q(sql`SELECT id FROM consent WHERE person_id = ${P}`)),
    transfers: await q<Ref>(sql`SELECT id, version FROM intake_transfer WHERE source_intake_id = ${I} OR received_intake_id = ${I}`),
    proposals: await q<Ref>(sql`SELECT id, version FROM take_charge_proposal WHERE intake_id = ${I}`),
    groups,
    grants: id(await q(sql`SELECT id FROM access_grant WHERE record_id = ${uuids(linked)}`)),
    alerts: id(await q(sql`SELECT id FROM alert WHERE link_id = ANY(${linked}::text[])`)),
  };
}

async function peopleOf(k: Kit, personIds: string[]): Promise<OwnerPerson[]> {
  const rows = (await sql<{ id: string; version: number; protection_reason: string | null; merged_into: string | null; fiscal_code: string | null;
    anonymous_code: string | null; birth_date: string | null; surname: string | null; name: string | null }>`
    SELECT id, version, protection_reason, merged_into, fiscal_code, anonymous_code, birth_date::text AS birth_date, surname, name
      FROM person WHERE id = ${uuids(personIds)} ORDER BY created_at`.execute(k.db)).rows;
  return rows.map((p) => ({
    id: p.id, version: p.version, protected: p.protection_reason !== null, merged: p.merged_into !== null, fiscalCode: p.fiscal_code,
    anonymousCode: p.anonymous_code, birthDate: p.birth_date, surname: p.surname, name: p.name,
  }));
}

/** The hazard as the templates' `Owners` (fields only mutations read are filled with harmless values). */
export async function ownersOf(k: Kit, s: HazardScope): Promise<Owners> {
  const owner = await viewerOf(k.t, s.owner);
  const persons = await peopleOf(k, s.personIds);
  const intakes = await k.db.selectFrom('intake_record').select(['id', 'version']).where('id', 'in', s.intakeIds).execute();
  const c = await childIds(k, s.personIds, s.intakeIds);
  const unique = <T>(xs: T[]) => [...new Set(xs)];
  return {
    enteId: owner.attacker.enteId, ambitoId: owner.attacker.ambitoId!, deskOfficeId: owner.attacker.deskOfficeId, sspOfficeId: owner.attacker.officeId,
    thirdSectorOfficeId: owner.attacker.officeId, officeIds: unique(s.officeIds), contactPointIds: [], ownerOperatorIds: [owner.attacker.operatorId],
    adminOperatorId: owner.attacker.operatorId, deskProfileId: owner.attacker.operatorId,
    persons, intakes, notes: c.notes, serviceRequests: c.serviceRequests, attachments: c.attachments, notices: c.notices, consents: c.consents,
    transfers: c.transfers, proposals: c.proposals, groups: c.groups, grants: c.grants, breakGlass: [], alerts: c.alerts,
    // The surname alone, the code, and "name surname" (every cut is tried; the name alone finds nothing more).
    searchTerms: unique(persons.filter((p) => (s.searched ?? s.personIds).includes(p.id))
      .flatMap((p) => [p.surname, p.fiscalCode, p.name && p.surname ? `${p.name} ${p.surname}` : null]).filter((v): v is string => Boolean(v))),
    birthDates: unique(persons.map((p) => p.birthDate).filter((d): d is string => Boolean(d))),
    secrets: [],
    shared: { intakeId: s.intakeIds[0]!, granteeUsername: '', allowed: [] },
    clients: { sportello: owner.client, assistente: owner.client, responsabile: owner.client },
  };
}
