import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { normalizeName, type RegistryPerson } from '@siso/shared';
import type { DB } from '../../../db/types.js';
import { diffColumns, writeHistory, type Change } from '../person-history.js';
import { historiseAddress, REGISTRY_JOB } from '../person-parts.js';
import { setClause } from '../person-columns.js';
import type { RegistryChange } from '../registry/registry-client.js';

export interface FollowedPerson {
  id: string;
  ambito_id: string;
  ente_id: string;
  office_id: string;
  surname: string | null;
  name: string | null;
  civil_status: string | null;
  date_of_death: string | null;
  citizenships: string[];
}

/**
 * Applies one registry change to a followed person (issue 4, point 8): names, civil status, death,
 * citizenship as plain columns; residence as a new validity-dated address (source 'registry');
 * household as the registry-sourced members of the person's household group. Idempotent: a change
 * already applied (same values) changes nothing and returns no changes, so a re-run after a failure
 * halfway is harmless. Runs as the system inside the job's transaction.
 */
export async function applyRegistryChange(db: Kysely<DB>, person: FollowedPerson, change: RegistryChange): Promise<Change[]> {
  const p: RegistryPerson = change.person;
  const columns: Record<string, unknown> = {};
  if (change.kind === 'names') {
    if (p.surname && p.surname !== person.surname) Object.assign(columns, { surname: p.surname, surname_norm: normalizeName(p.surname) });
    if (p.name && p.name !== person.name) Object.assign(columns, { name: p.name, name_norm: normalizeName(p.name) });
  }
  if (change.kind === 'civil_status' && p.civilStatus && p.civilStatus !== person.civil_status) columns.civil_status = p.civilStatus;
  if (change.kind === 'death' && p.dateOfDeath && p.dateOfDeath !== person.date_of_death) columns.date_of_death = p.dateOfDeath;
  const changes = diffColumns(person as unknown as Record<string, unknown>, columns);

  if (change.kind === 'residence' && p.residence) {
    const r = p.residence;
    const from = r.validFrom ?? change.effectiveDate;
    const current = await db.selectFrom('person_address').selectAll().where('person_id', '=', person.id).where('kind', '=', 'residence')
      .where('valid_to', 'is', null).executeTakeFirst();
    const same = current && current.street === r.street && (current.civic ?? null) === (r.civic ?? null) && current.comune_istat === r.comuneIstat && current.state_code === r.stateCode;
    const stale = current && current.valid_from >= from;
    if (!same && !stale) {
      await historiseAddress(db, REGISTRY_JOB, person.id, person.ambito_id, null, {
        kind: 'residence', street: r.street, civic: r.civic, postalCode: r.postalCode, comuneIstat: r.comuneIstat, stateCode: r.comuneIstat ? null : r.stateCode, validFrom: from,
      }, 'registry');
      changes.push({ field: 'address.residence', before: current ? { street: current.street, validFrom: current.valid_from } : null, after: { street: r.street, validFrom: from } });
    }
  }

  if (change.kind === 'household') changes.push(...(await applyHousehold(db, person, p, change.effectiveDate)));

  if (changes.length > 0) {
    await sql`UPDATE person SET ${sql.join([...setClause(columns), sql`version = version + 1`, sql`updated_at = now()`, sql`registry_checked_at = now()`])} WHERE id = ${person.id}`.execute(db);
  }
  await writeHistory(db, REGISTRY_JOB, { personId: person.id, ambitoId: person.ambito_id, operatorId: null, source: 'registry', changes, note: `ANPR: ${change.kind} dal ${change.effectiveDate}` });
  return changes;
}

/**
 * The registry's household (stato di famiglia, C021) replaces the registry-sourced members of the
 * person's `household` group; members typed by operators stay. A member is linked to a person of the
 * same ambito with the same fiscal code, if any.
 */
async function applyHousehold(db: Kysely<DB>, person: FollowedPerson, p: RegistryPerson, from: string): Promise<Change[]> {
  let group = await db.selectFrom('household_group').select(['id']).where('owner_person_id', '=', person.id).where('kind', '=', 'household')
    .where('archived_at', 'is', null).executeTakeFirst();
  if (!group) {
    group = { id: crypto.randomUUID() };
    await db.insertInto('household_group').values({ id: group.id, ambito_id: person.ambito_id, ente_id: person.ente_id, office_id: person.office_id, owner_person_id: person.id, kind: 'household' }).execute();
  }
  const before = await db.selectFrom('household_member').select(['display_name', 'person_id', 'relationship']).where('group_id', '=', group.id).where('source', '=', 'registry').orderBy('position').execute();
  const codes = p.household.map((m) => m.fiscalCode).filter((c): c is string => Boolean(c));
  const linked = codes.length === 0 ? [] : await db.selectFrom('person').select(['id', 'fiscal_code'])
    .where('ambito_id', '=', person.ambito_id).where('fiscal_code', 'in', codes).where('merged_into', 'is', null).execute();
  const idOf = new Map(linked.map((l) => [l.fiscal_code, l.id]));
  const members = p.household
    .filter((m) => m.fiscalCode !== p.fiscalCode)
    .map((m) => ({
      personId: (m.fiscalCode && idOf.get(m.fiscalCode)) || null,
      displayName: [m.surname, m.name].filter(Boolean).join(' ') || null,
      relationship: m.relationship ?? '99',
    }));
  const key = (xs: Array<{ displayName: string | null; relationship: string }>) => JSON.stringify(xs.map((x) => [x.displayName, x.relationship]).sort());
  if (key(before.map((b) => ({ displayName: b.display_name, relationship: b.relationship }))) === key(members)) return [];
  await db.deleteFrom('household_member').where('group_id', '=', group.id).where('source', '=', 'registry').execute();
  const start = await db.selectFrom('household_member').select(sql<number>`coalesce(max(position) + 1, 0)::int`.as('n')).where('group_id', '=', group.id).executeTakeFirstOrThrow();
  if (members.length > 0) {
    await db.insertInto('household_member').values(members.map((m, i) => ({
      id: crypto.randomUUID(), group_id: group.id, ambito_id: person.ambito_id, person_id: m.personId, display_name: m.displayName,
      relationship: m.relationship, cohabiting: true, valid_from: from, source: 'registry', position: start.n + i,
    }))).execute();
  }
  await sql`UPDATE household_group SET version = version + 1, updated_at = now() WHERE id = ${group.id}`.execute(db);
  return [{ field: 'household.household', before: before.map((b) => b.display_name), after: members.map((m) => m.displayName) }];
}
