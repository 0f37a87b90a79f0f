import { z } from 'zod';

/** Date-only values travel as "YYYY-MM-DD" strings end to end (architecture: wire contract). */
export const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'formato_data')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'data_non_valida');

/** Money is a decimal string with at most two decimals ("1234.50"), never a float. */
export const money = z.string().regex(/^-?\d{1,13}(\.\d{1,2})?$/, 'importo_non_valido');

/** Timestamps are ISO-8601 UTC strings on the wire; the UI shows them in Europe/Rome. */
export const timestamp = z.string().datetime({ offset: true });

export const uuid = z.uuid();

/** Optimistic locking: every mutable record carries `version`; updates send it back. */
export const version = z.number().int().nonnegative();

/** Lists are keyset-paginated with an opaque cursor; `limit` is capped at 200. */
export const pageInput = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
