import { sql, type Kysely } from 'kysely';
import type { AddressView, PersonView } from '@siso/shared';
import type { Actor } from '../../access/actor.js';
import { abilitiesFor } from '../../access/abilities.js';
import type { FieldClass } from '../../access/field-classes.js';
import { openedClasses, type ReadAudit } from '../../access/present.js';
import { canWrite, visible, visibleTo, writableBy } from '../../access/visibility.js';
import type { DB } from '../../db/types.js';
import { PERSON, protectionGrantedSql } from './person-kinds.js';
import { presentPersonRecord } from './person-present.js';

/** A person row as read by the repository, with what the actor may do on it. */
export interface PersonRow {
  id: string;
  ambito_id: string;
  ente_id: string;
  ente_name: string;
  office_id: string;
  created_at: Date;
  updated_at: Date;
  version: number;
  archived_at: Date | null;
  anonymous: boolean;
  anonymous_code: string | null;
  fiscal_code: string | null;
  fiscal_code_kind: PersonView['fiscalCodeKind'];
  fiscal_code_base: string | null;
  surname: string | null;
  name: string | null;
  sex: 'M' | 'F' | null;
  birth_date: string | null;
  birth_comune_istat: string | null;
  birth_state_code: string | null;
  birth_place_name: string | null;
  birth_belfiore: string | null;
  citizenships: string[];
  civil_status: string | null;
  contacts: Array<{ kind: string; value: string; owner: string; ownerName: string | null; note: string | null }>;
  homeless: boolean;
  reception_facility: string | null;
  gp: { name: string; regionalCode: string | null; phone: string | null } | null;
  health_card_number: string | null;
  stp_eni_code: string | null;
  date_of_death: string | null;
  notes: string | null;
  anpr_id: string | null;
  registry_sync: boolean;
  registry_checked_at: Date | null;
  protection_reason: 'violence' | 'adoption' | 'witness' | 'other' | null;
  merged_into: string | null;
  can_update: boolean;
  protection_granted: boolean;
  /** The classes a break-the-glass of the actor opened on this person (person-present.ts). */
  opened_classes: FieldClass[] | null;
}

/**
 * Loads one person the actor may read (`permission`'s scope OR a grant), or null: outside both it
 * does not exist for them (404). `forUpdate` loads it for a write: the permission's scope only (a
 * grant shares a person for reading, issue 10 point 5), so a write through a grant is a 404 before
 * anything is written; the row is locked.
 */
export async function loadPerson(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  opts: { permission?: string; forUpdate?: boolean } = {},
): Promise<PersonRow | null> {
  const permission = opts.permission ?? 'persons.get';
  const r = await sql<PersonRow>`
    SELECT p.*, e.name AS ente_name,
           ${canWrite(actor, PERSON, 'p', 'persons.update')} AS can_update,
           ${protectionGrantedSql(actor, sql.ref('p.id'))} AS protection_granted,
           ${openedClasses(actor, PERSON, 'p.id')} AS opened_classes
      FROM person p JOIN ente e ON e.id = p.ente_id
     WHERE p.id = ${id} AND ${opts.forUpdate ? writableBy(actor, PERSON, 'p', permission) : visibleTo(actor, permission, PERSON, 'p')}
     ${opts.forUpdate ? sql`FOR UPDATE OF p` : sql``}`.execute(db);
  return r.rows[0] ?? null;
}

/**
 * Addresses (residence, domicile) with history, newest first, with the comune/state names. The
 * people were loaded and checked by the caller; the addresses still carry their own rule (visible
 * with their person). A protected person's addresses are withheld by the person presenter.
 */
export async function loadAddresses(db: Kysely<DB>, actor: Actor, personIds: readonly string[]): Promise<Map<string, AddressView[]>> {
  const out = new Map<string, AddressView[]>();
  if (personIds.length === 0) return out;
  const r = await sql<{
    id: string; person_id: string; kind: 'residence' | 'domicile'; street: string; civic: string | null; postal_code: string | null;
    comune_istat: string | null; comune_name: string | null; state_code: string | null; state_name: string | null;
    locality: string | null; valid_from: string; valid_to: string | null; source: 'manual' | 'registry';
  }>`
    SELECT a.id, a.person_id, a.kind, a.street, a.civic, a.postal_code, a.comune_istat,
           (SELECT c.name FROM ref_comune c WHERE c.istat_code = a.comune_istat
             ORDER BY (c.valid_from <= a.valid_from AND (c.valid_to IS NULL OR c.valid_to >= a.valid_from)) DESC, c.valid_from DESC LIMIT 1) AS comune_name,
           a.state_code, (SELECT s.name FROM ref_stato_estero s WHERE s.code = a.state_code) AS state_name,
           a.locality, a.valid_from, a.valid_to, a.source
      FROM person_address a
     WHERE a.person_id = ANY(${[...personIds]}::uuid[]) AND ${visible(actor, 'personAddress', 'a')}
     ORDER BY a.person_id, a.valid_from DESC, a.kind`.execute(db);
  for (const a of r.rows) {
    const list = out.get(a.person_id) ?? [];
    list.push({
      id: a.id, kind: a.kind, street: a.street, civic: a.civic, postalCode: a.postal_code, comuneIstat: a.comune_istat,
      comuneName: a.comune_name, stateCode: a.state_code, stateName: a.state_name, locality: a.locality,
      validFrom: a.valid_from, validTo: a.valid_to, source: a.source,
    });
    out.set(a.person_id, list);
  }
  return out;
}

export async function loadAliases(db: Kysely<DB>, actor: Actor, personId: string): Promise<Array<{ surname: string; name: string | null; note: string | null }>> {
  return db
    .selectFrom('person_alias as al')
    .select(['al.surname', 'al.name', 'al.note'])
    .where('al.person_id', '=', personId)
    .where(visible(actor, 'personAlias', 'al'))
    .orderBy('al.position')
    .execute();
}

/** The actions on a person the actor may take, from permissions and the row's write scope. */
export function personAbilities(actor: Actor, row: PersonRow): string[] {
  const live = row.merged_into === null && row.archived_at === null;
  return abilitiesFor(
    actor,
    ['persons.get', 'persons.history', 'persons.update', 'persons.replaceFiscalCode', 'persons.merge', 'persons.findDuplicates', 'persons.loadFromRegistry', 'households.get', 'households.update'],
    (a) => {
      if (a === 'persons.get' || a === 'persons.history' || a === 'households.get') return true;
      if (!live) return false;
      if (a === 'persons.loadFromRegistry') return row.fiscal_code_kind === 'definitive';
      if (a === 'persons.replaceFiscalCode') return row.can_update && row.fiscal_code_kind !== null;
      if (a === 'households.update') return row.can_update && (row.protection_reason === null || row.protection_granted);
      // A merge is refused for adoption secrecy (issue 4, point 5).
      if (a === 'persons.merge') return row.can_update && row.protection_reason !== 'adoption';
      return row.can_update;
    },
  );
}

/**
 * The full view of a person, through the person presenter (person-present.ts): masked for the actor
 * (their classes plus a break-the-glass opened on this person), a protected person's whereabouts
 * withheld unless granted; the read noted in the audit (subject, target, classes shown).
 */
export async function presentPerson(ctx: ReadAudit, db: Kysely<DB>, actor: Actor, row: PersonRow): Promise<PersonView> {
  // One transaction, one connection: queries run one after the other.
  const addresses = await loadAddresses(db, actor, [row.id]);
  const aliases = await loadAliases(db, actor, row.id);
  const view: PersonView = {
    id: row.id,
    ambitoId: row.ambito_id,
    enteId: row.ente_id,
    enteName: row.ente_name,
    officeId: row.office_id,
    anonymous: row.anonymous,
    anonymousCode: row.anonymous_code,
    fiscalCode: row.fiscal_code,
    fiscalCodeKind: row.fiscal_code_kind,
    surname: row.surname,
    name: row.name,
    sex: row.sex,
    birthDate: row.birth_date,
    birthComuneIstat: row.birth_comune_istat,
    birthStateCode: row.birth_state_code,
    birthPlaceName: row.birth_place_name,
    citizenships: row.citizenships,
    civilStatus: row.civil_status,
    contacts: row.contacts.map((c) => ({ kind: c.kind as never, value: c.value, owner: c.owner as never, ownerName: c.ownerName ?? null, note: c.note ?? null })),
    addresses: addresses.get(row.id) ?? [],
    homeless: row.homeless,
    receptionFacility: row.reception_facility,
    gp: row.gp,
    healthCardNumber: row.health_card_number,
    stpEniCode: row.stp_eni_code,
    dateOfDeath: row.date_of_death,
    notes: row.notes,
    aliases: aliases.map((a) => ({ surname: a.surname, name: a.name ?? null, note: a.note ?? null })),
    anprId: row.anpr_id,
    registrySync: row.registry_sync,
    registryCheckedAt: row.registry_checked_at?.toISOString() ?? null,
    deceased: row.date_of_death !== null,
    protected: row.protection_reason !== null,
    protectionReason: row.protection_reason,
    mergedInto: row.merged_into,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    abilities: personAbilities(actor, row),
  };
  return presentPersonRecord(ctx, actor, row, view) as PersonView;
}
