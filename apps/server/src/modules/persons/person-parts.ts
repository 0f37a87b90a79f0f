import crypto from 'node:crypto';
import { normalizeName, type AddressInput } from '@siso/shared';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Actor } from '../../access/actor.js';
import { insertedBy, writableBy } from '../../access/visibility.js';
import type { DB } from '../../db/types.js';
import { PROTECTED_PERSON } from './person-kinds.js';

/**
 * Who writes a person's details: an actor with the write permission of the action (a request: every
 * query carries the rule the scope guard asks for), or the nightly registry job, which runs as the
 * system on its own unguarded handle (jobs have no actor).
 */
export type DetailWriter = { actor: Actor; permission: string } | typeof REGISTRY_JOB;
export const REGISTRY_JOB = 'registry-job' as const;

/** The mark of an INSERT into a detail table of the person (none for the job). */
export function detailInsert(by: DetailWriter, kind: string, ambitoId: string): RawBuilder<unknown> {
  return by === REGISTRY_JOB ? sql`` : insertedBy(by.actor, kind, { ambito_id: ambitoId });
}

/** The write rule of a detail row (its person writable with the action's permission); none for the job. */
export function detailWritable(by: DetailWriter, kind: string, alias: string): RawBuilder<boolean> {
  return by === REGISTRY_JOB ? sql<boolean>`true` : writableBy(by.actor, kind, alias, by.permission);
}

/** Aliases are replaced as a list (issue 4, point 4: other names the person is known by, searchable). */
export async function insertAliases(
  db: Kysely<DB>,
  by: DetailWriter,
  personId: string,
  ambitoId: string,
  aliases: ReadonlyArray<{ surname: string; name?: string | null; note?: string | null }>,
): Promise<void> {
  if (aliases.length === 0) return;
  await db
    .insertInto('person_alias')
    .values(
      aliases.map((a, i) => ({
        id: crypto.randomUUID(), person_id: personId, ambito_id: ambitoId, surname: a.surname, name: a.name ?? null,
        surname_norm: normalizeName(a.surname), name_norm: a.name ? normalizeName(a.name) : null, note: a.note ?? null, position: i,
      })),
    )
    .modifyEnd(detailInsert(by, 'personAlias', ambitoId))
    .execute();
}

export async function insertAddresses(
  db: Kysely<DB>,
  by: DetailWriter,
  personId: string,
  ambitoId: string,
  operatorId: string | null,
  addresses: readonly AddressInput[],
  source: 'manual' | 'registry' = 'manual',
): Promise<void> {
  if (addresses.length === 0) return;
  await db
    .insertInto('person_address')
    .values(
      addresses.map((a) => ({
        id: crypto.randomUUID(), person_id: personId, ambito_id: ambitoId, kind: a.kind, street: a.street, civic: a.civic ?? null,
        postal_code: a.postalCode ?? null, comune_istat: a.comuneIstat ?? null, state_code: a.stateCode ?? null,
        locality: a.locality ?? null, valid_from: a.validFrom, valid_to: a.validTo ?? null, source, created_by: operatorId,
      })),
    )
    .modifyEnd(detailInsert(by, 'personAddress', ambitoId))
    .execute();
}

/**
 * A new residence or domicile (historised, siso-original CS_A_INDIRIZZO [validity]): the open
 * address of the same kind ends the day before the new one starts.
 */
export async function historiseAddress(
  db: Kysely<DB>,
  by: DetailWriter,
  personId: string,
  ambitoId: string,
  operatorId: string | null,
  address: AddressInput,
  source: 'manual' | 'registry' = 'manual',
): Promise<{ closed: number }> {
  const closed = await db
    .updateTable('person_address as a')
    .set({ valid_to: sqlDayBefore(address.validFrom) })
    .where('a.person_id', '=', personId)
    .where('a.kind', '=', address.kind)
    .where('a.valid_to', 'is', null)
    .where('a.valid_from', '<', address.validFrom)
    .where(detailWritable(by, 'personAddress', 'a'))
    .executeTakeFirst();
  await insertAddresses(db, by, personId, ambitoId, operatorId, [address], source);
  return { closed: Number(closed.numUpdatedRows) };
}

function sqlDayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Whoever marks a person protected keeps sight of their whereabouts (issue 4, point 5); everybody
 * else needs an explicit `protectedPerson` grant.
 */
export async function grantProtectionTo(
  db: Kysely<DB>,
  g: { personId: string; ambitoId: string; enteId: string; operatorId: string; purpose: string },
): Promise<void> {
  await db
    .insertInto('access_grant')
    .values({
      id: crypto.randomUUID(), ambito_id: g.ambitoId, ente_id: g.enteId, record_kind: PROTECTED_PERSON, record_id: g.personId,
      subject_kind: 'operator', subject_id: g.operatorId, purpose: g.purpose, valid_from: sql<string>`current_date`, granted_by: g.operatorId,
    })
    .execute();
}
