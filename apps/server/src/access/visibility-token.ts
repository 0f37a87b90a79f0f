import { randomBytes } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { insertMark } from './sql-scope-check.js';

/**
 * The unforgeable half of a visibility token (access/sql-scope-check.ts): a random value drawn at
 * start and known only to the visibility module. A hand-written `siso_visible('…', true)` or a
 * marker copied from source code does not carry it. Imported only by the visibility module and the
 * guard (access/bypass-allowlist.test.ts).
 */
export const NONCE = randomBytes(12).toString('hex');

export type TokenMode = 'r' | 'w' | 'c' | 'a';

/** `siso_visible('<nonce>|mode|kind|alias[|parent]', predicate)`: the predicate, labelled for the guard. */
export function token(mode: TokenMode, kind: string, alias: string, predicate: RawBuilder<boolean>, parentAlias?: string): RawBuilder<boolean> {
  const label = [NONCE, mode, kind, alias, ...(parentAlias ? [parentAlias] : [])].join('|');
  if (!/^[A-Za-z0-9_|]+$/.test(label)) throw new Error(`invalid token label ${label}`);
  return sql<boolean>`siso_visible('${sql.raw(label)}', ${predicate})`;
}

export function insertToken(table: string): RawBuilder<unknown> {
  return sql.raw(insertMark(NONCE, table));
}
