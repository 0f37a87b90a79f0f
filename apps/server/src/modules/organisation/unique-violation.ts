import { AppError, type ErrorDetail } from '../../http/app-error.js';

/**
 * A unique index that lost a race after our pre-check (two administrators at once) answers 409
 * `conflict` with the field it concerns, never a 500.
 */
export async function mapUniqueViolations<T>(run: () => Promise<T>, byConstraint: Record<string, ErrorDetail>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = err as { code?: unknown; constraint?: unknown; message?: unknown };
    if (e.code === '23505') {
      const hit = Object.entries(byConstraint).find(([name]) => e.constraint === name || String(e.message).includes(name));
      if (hit) throw new AppError('conflict', [hit[1]]);
    }
    throw err;
  }
}
