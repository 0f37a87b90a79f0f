import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

/**
 * Everything that points at a person, for a merge ("all references move to the surviving record",
 * issue 4, point 7). Each module registers its own columns when it is imported (intake records,
 * case files…); the registry registers its own below. `where` narrows rows that must not move.
 */
export interface PersonReference {
  table: string;
  column: string;
  /** Runs before the rows move, e.g. to settle what a unique index would refuse once both people are one. */
  beforeMove?: (db: Kysely<DB>, fromId: string, toId: string) => Promise<void>;
}

const references: PersonReference[] = [];

export function registerPersonReference(ref: PersonReference): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(ref.table) || !/^[a-z_][a-z0-9_]*$/.test(ref.column)) throw new Error('invalid reference');
  references.push(ref);
}

/**
 * Holders of a copy of the fiscal code (e.g. an intake snapshot or an outgoing flow's queue): they
 * are rewritten by persons.replaceFiscalCode so the code is replaced "everywhere" in one operation.
 */
export type FiscalCodeHolder = (db: Kysely<DB>, personId: string, oldCode: string | null, newCode: string) => Promise<number>;
const fiscalCodeHolders = new Map<string, FiscalCodeHolder>();

export function registerFiscalCodeHolder(name: string, holder: FiscalCodeHolder): void {
  fiscalCodeHolders.set(name, holder);
}

export async function rewriteFiscalCodeCopies(db: Kysely<DB>, personId: string, oldCode: string | null, newCode: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, holder] of fiscalCodeHolders) out[name] = await holder(db, personId, oldCode, newCode);
  return out;
}

/** Moves every registered reference from `fromId` to `toId`; returns the rows moved per table.column. */
export async function moveReferences(db: Kysely<DB>, fromId: string, toId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const ref of references) {
    await ref.beforeMove?.(db, fromId, toId);
    // Every reference moves, inside the actor's scope or not (a scheda of another desk too): the
    // merge is authorised on the person, and a reference left behind would point at a merged record.
    // The caller passes the audited system handle (ctx.asSystem) for that reason.
    const r = await sql`UPDATE ${sql.table(ref.table)} SET ${sql.ref(ref.column)} = ${toId} WHERE ${sql.ref(ref.column)} = ${fromId}`.execute(db);
    out[`${ref.table}.${ref.column}`] = Number(r.numAffectedRows ?? 0);
  }
  return out;
}

// The registry's own links: a person as a member of other people's households.
registerPersonReference({ table: 'household_member', column: 'person_id' });
