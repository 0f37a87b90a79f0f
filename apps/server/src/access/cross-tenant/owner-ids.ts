import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { TestClient } from '../../testing/test-app.js';

/** A value that must never reach an attacker, and what it is (printed when it leaks). */
export interface Secret {
  value: string;
  what: string;
}

export interface Ref {
  id: string;
  version: number;
}

export interface OwnerNames {
  texts: Secret[];
}

export interface OwnerPerson extends Ref {
  protected: boolean;
  merged: boolean;
  fiscalCode: string | null;
  anonymousCode: string | null;
  birthDate: string | null;
  surname: string | null;
  name: string | null;
}

/**
 * Everything the owners wrote, as ids to substitute into the attackers' bodies and as secrets to look
 * for in their answers. Read back from the database after the owners' fixture, so a record kind the
 * fixture writes without naming it here is still a secret (every personal table of the owners' ente).
 */
export interface Owners {
  enteId: string;
  ambitoId: string;
  deskOfficeId: string;
  sspOfficeId: string;
  thirdSectorOfficeId: string;
  officeIds: string[];
  contactPointIds: string[];
  /** The owners' own operators (sportello, assistente, responsabile). */
  ownerOperatorIds: string[];
  /** An operator of the owners' ente that the suite no longer needs (targets of password/TOTP resets). */
  adminOperatorId: string;
  /** The desk operator's region template (for operators.create and profiles.upsert bodies). */
  deskProfileId: string;
  persons: OwnerPerson[];
  intakes: Ref[];
  notes: string[];
  serviceRequests: Ref[];
  attachments: string[];
  notices: string[];
  consents: string[];
  transfers: Ref[];
  proposals: Ref[];
  groups: Array<Ref & { personId: string }>;
  grants: string[];
  breakGlass: string[];
  alerts: string[];
  /** What an attacker would type into a search: surnames, fiscal codes, ANON codes, aliases, names. */
  searchTerms: string[];
  birthDates: string[];
  secrets: Secret[];
  /**
   * The one record shared with an attacker on purpose (an intakeRecord grant to `granteeUsername`
   * hiding the sector head's office): the grantee may read `allowed`; what the hidden office wrote in it
   * stays secret, and a grant shares for reading only (the write check covers it).
   */
  shared: { intakeId: string; granteeUsername: string; allowed: string[] };
  clients: { sportello: TestClient; assistente: TestClient; responsabile: TestClient };
}

export interface CollectInput {
  enteId: string;
  ambitoId: string;
  deskOfficeId: string;
  sspOfficeId: string;
  thirdSectorOfficeId: string;
  names: OwnerNames;
  shared: { intakeId: string; personId: string; granteeUsername: string; visibleNote: string };
  clients: Owners['clients'];
  adminOperatorId: string;
}

const ids = async (db: Kysely<DB>, query: ReturnType<typeof sql<{ id: string }>>) => (await query.execute(db)).rows.map((r) => r.id);
const refs = async (db: Kysely<DB>, query: ReturnType<typeof sql<Ref>>) => (await query.execute(db)).rows.map((r) => ({ id: r.id, version: r.version }));

export async function collectOwners(db: Kysely<DB>, c: CollectInput): Promise<Owners> {
  const e = c.enteId;
  const personRows = (
    await sql<{ id: string; version: number; protection_reason: string | null; merged_into: string | null; fiscal_code: string | null; anonymous_code: string | null;
      birth_date: string | null; surname: string | null; name: string | null; stp_eni_code: string | null; notes: string | null; reception_facility: string | null }>`
      SELECT id, version, protection_reason, merged_into, fiscal_code, anonymous_code, birth_date, surname, name, stp_eni_code, notes, reception_facility
        FROM person WHERE ente_id = ${e} ORDER BY created_at`.execute(db)
  ).rows;
  const personIds = personRows.map((p) => p.id);
  const aliases = (await sql<{ surname: string }>`SELECT surname FROM person_alias WHERE person_id = ANY(${personIds}::uuid[])`.execute(db)).rows;
  const streets = (await sql<{ id: string; street: string }>`SELECT id, street FROM person_address WHERE person_id = ANY(${personIds}::uuid[])`.execute(db)).rows;
  const intakeIds = sql<Ref>`SELECT id, version FROM intake_record WHERE ente_id = ${e} ORDER BY created_at`;
  const owners: Omit<Owners, 'secrets' | 'shared' | 'searchTerms' | 'birthDates'> = {
    enteId: e, ambitoId: c.ambitoId, deskOfficeId: c.deskOfficeId, sspOfficeId: c.sspOfficeId, thirdSectorOfficeId: c.thirdSectorOfficeId,
    officeIds: await ids(db, sql`SELECT id FROM office WHERE ente_id = ${e}`),
    contactPointIds: await ids(db, sql`SELECT id FROM contact_point WHERE ente_id = ${e}`),
    ownerOperatorIds: await ids(db, sql`SELECT o.id FROM operator o WHERE o.username IN ('sportello', 'assistente', 'responsabile')`),
    adminOperatorId: c.adminOperatorId,
    deskProfileId: (await ids(db, sql`SELECT id FROM profile WHERE code = 'operatore_sportello' AND ambito_id IS NULL`))[0]!,
    persons: personRows.map((p) => ({ id: p.id, version: p.version, protected: p.protection_reason !== null, merged: p.merged_into !== null, fiscalCode: p.fiscal_code, anonymousCode: p.anonymous_code, birthDate: p.birth_date, surname: p.surname, name: p.name })),
    intakes: await refs(db, intakeIds),
    notes: await ids(db, sql`SELECT id FROM intake_note WHERE ente_id = ${e}`),
    serviceRequests: await refs(db, sql`SELECT id, version FROM service_request WHERE ente_id = ${e}`),
    attachments: await ids(db, sql`SELECT id FROM attachment WHERE ente_id = ${e}`),
    notices: await ids(db, sql`SELECT id FROM privacy_notice WHERE ente_id = ${e}`),
    consents: await ids(db, sql`SELECT id FROM consent WHERE ente_id = ${e}`),
    transfers: await refs(db, sql`SELECT id, version FROM intake_transfer WHERE source_ente_id = ${e} OR dest_ente_id = ${e}`),
    proposals: await refs(db, sql`SELECT id, version FROM take_charge_proposal WHERE source_ente_id = ${e} OR dest_ente_id = ${e}`),
    groups: (await sql<Ref & { personId: string }>`SELECT id, version, owner_person_id AS "personId" FROM household_group WHERE ente_id = ${e}`.execute(db)).rows,
    grants: await ids(db, sql`SELECT id FROM access_grant WHERE ente_id = ${e}`),
    breakGlass: await ids(db, sql`SELECT id FROM break_glass WHERE ente_id = ${e}`),
    alerts: await ids(db, sql`SELECT id FROM alert WHERE ente_id = ${e}`),
    clients: c.clients,
  };
  const members = await ids(db, sql`SELECT m.id FROM household_member m JOIN household_group g ON g.id = m.group_id WHERE g.ente_id = ${e}`);
  const history = await ids(db, sql`SELECT id FROM person_history WHERE person_id = ANY(${personIds}::uuid[])`);
  const merges = await ids(db, sql`SELECT id FROM person_merge WHERE survivor_id = ANY(${personIds}::uuid[])`);

  const secrets: Secret[] = [];
  const add = (what: string, values: Array<string | null | undefined>) => {
    for (const v of values) if (v) secrets.push({ value: v, what });
  };
  add('person id', personIds);
  add('scheda id', owners.intakes.map((r) => r.id));
  add('note id', owners.notes);
  add('service request id', owners.serviceRequests.map((r) => r.id));
  add('attachment id', owners.attachments);
  add('privacy notice id', owners.notices);
  add('consent id', owners.consents);
  add('transfer id', owners.transfers.map((r) => r.id));
  add('proposal id', owners.proposals.map((r) => r.id));
  add('household group id', owners.groups.map((g) => g.id));
  add('household member id', members);
  add('grant id', owners.grants);
  add('break-the-glass id', owners.breakGlass);
  add('alert id', owners.alerts);
  add('person history id', history);
  add('person merge id', merges);
  add('address id', streets.map((s) => s.id));
  add('address', streets.map((s) => s.street));
  add('surname', personRows.map((p) => p.surname));
  add('name', personRows.map((p) => p.name));
  add('fiscal code', personRows.map((p) => p.fiscal_code));
  add('anonymous code', personRows.map((p) => p.anonymous_code));
  add('STP/ENI code', personRows.map((p) => p.stp_eni_code));
  add('person notes', personRows.map((p) => p.notes));
  add('alias', aliases.map((a) => a.surname));
  for (const t of c.names.texts) secrets.push(t);

  const sharedPerson = personRows.find((p) => p.id === c.shared.personId)!;
  const visibleNoteId = (await sql<{ id: string }>`SELECT id FROM intake_note WHERE intake_id = ${c.shared.intakeId} AND text = ${c.shared.visibleNote}`.execute(db)).rows[0]!.id;
  const unique = <T>(xs: T[]) => [...new Set(xs)];
  return {
    ...owners,
    secrets: unique(secrets.map((s) => s.value)).map((v) => secrets.find((s) => s.value === v)!),
    searchTerms: unique([
      ...personRows.flatMap((p) => [p.surname, p.fiscal_code, p.anonymous_code]),
      ...aliases.map((a) => a.surname),
      // Names typed the other ways round: the given name alone, "name surname" (every cut is tried).
      ...personRows.slice(0, 2).flatMap((p) => [p.name, p.surname && p.name ? `${p.name} ${p.surname}` : null]),
    ].filter((v): v is string => Boolean(v))),
    birthDates: unique(personRows.map((p) => p.birth_date).filter((d): d is string => Boolean(d))),
    shared: {
      intakeId: c.shared.intakeId,
      granteeUsername: c.shared.granteeUsername,
      allowed: [c.shared.intakeId, sharedPerson.id, sharedPerson.surname!, sharedPerson.name!, sharedPerson.fiscal_code!, visibleNoteId, c.shared.visibleNote],
    },
  };
}
