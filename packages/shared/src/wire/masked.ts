import { z } from 'zod';

/**
 * A field the actor may not read travels as `{ "masked": true }`, never as a missing key
 * (architecture: "masked fields travel as { masked: true }"), so the UI can say "riservato".
 */
export const maskedValue = z.object({ masked: z.literal(true) });
export type MaskedValue = z.infer<typeof maskedValue>;

export function maskable<T extends z.ZodType>(schema: T) {
  return z.union([schema, maskedValue]);
}

export function isMasked(v: unknown): v is MaskedValue {
  return typeof v === 'object' && v !== null && (v as { masked?: unknown }).masked === true;
}
