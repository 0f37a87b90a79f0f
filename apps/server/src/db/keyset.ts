import { AppError } from '../http/app-error.js';

/**
 * Keyset pagination (wire contract: lists are `{ items, nextCursor }` with an opaque cursor, limit ≤ 200).
 * The cursor holds the sort key of the last row returned; the next page continues strictly after it,
 * so pages stay stable while rows are added, and no query ever uses OFFSET.
 */
export type CursorKey = readonly (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): CursorKey | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((k) => typeof k === 'string' || typeof k === 'number')
    ) {
      return key as CursorKey;
    }
  } catch {
    // fall through: a malformed cursor is bad input, not a server error
  }
  throw new AppError('invalid_input', [{ path: 'cursor', message: 'cursor_non_valido' }]);
}

/** Fetch limit + 1 rows; this trims the extra one and builds the next cursor from the last item. */
export function toPage<R, I>(rows: R[], limit: number, keyOf: (r: R) => CursorKey, present: (r: R) => I) {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(present),
    nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
