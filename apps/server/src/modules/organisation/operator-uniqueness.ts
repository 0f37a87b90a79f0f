import { sql } from 'kysely';
import { AppError, type ErrorDetail } from '../../http/app-error.js';
import type { Tx } from '../../db/transaction.js';

/** Constraint → field, for a race lost after the pre-check (mapUniqueViolations). */
export const operatorUniques = {
  operator_username_uniq: { path: 'username', message: 'username_già_usato' },
  operator_fiscal_code_uniq: { path: 'fiscalCode', message: 'codice_fiscale_già_usato' },
} satisfies Record<string, ErrorDetail>;

/** Username (case-insensitive) and fiscal code identify one operator (OIDC maps identities by fiscal code). */
export async function assertOperatorUnique(tx: Tx, v: { username?: string; fiscalCode?: string | null }, exceptId?: string): Promise<void> {
  const except = exceptId ?? '00000000-0000-0000-0000-000000000000';
  if (v.username) {
    const hit = await tx.selectFrom('operator').select('id').where(sql<boolean>`lower(username) = lower(${v.username})`).where('id', '!=', except).executeTakeFirst();
    if (hit) throw new AppError('conflict', [operatorUniques.operator_username_uniq]);
  }
  if (v.fiscalCode) {
    const hit = await tx.selectFrom('operator').select('id').where('fiscal_code', '=', v.fiscalCode).where('id', '!=', except).executeTakeFirst();
    if (hit) throw new AppError('conflict', [operatorUniques.operator_fiscal_code_uniq]);
  }
}
