import { AppError } from '../http/app-error.js';
import type { FieldClass, FieldMap } from './field-classes.js';

export const MASKED = { masked: true } as const;

export type MaskedRecord<T> = { [K in keyof T]: T[K] | typeof MASKED };

/**
 * Masks the fields whose class the actor cannot read (architecture: masking applies on every read
 * path). Returns the record and the classes actually read, for the audit row. Fields missing from
 * the map are treated as `special`: an unclassified field is never shown by accident.
 */
export function maskRecord<T extends Record<string, unknown>>(
  record: T,
  fields: Partial<FieldMap<keyof T & string>>,
  readable: ReadonlySet<FieldClass>,
): { value: MaskedRecord<T>; classesRead: FieldClass[] } {
  const out: Record<string, unknown> = {};
  const read = new Set<FieldClass>();
  for (const [key, v] of Object.entries(record)) {
    const cls = fields[key as keyof T & string] ?? 'special';
    if (readable.has(cls)) {
      out[key] = v;
      if (v !== null && v !== undefined) read.add(cls);
    } else {
      out[key] = MASKED;
    }
  }
  return { value: out as MaskedRecord<T>, classesRead: [...read] };
}

/** A write to a field of a class the actor cannot write is refused as a whole: 403 field_masked. */
export function assertWritable(
  input: Record<string, unknown>,
  fields: Partial<FieldMap>,
  writable: ReadonlySet<FieldClass>,
  prefix = '',
): FieldClass[] {
  const denied = Object.keys(input).filter((k) => input[k] !== undefined && !writable.has(fields[k] ?? 'special'));
  if (denied.length > 0) {
    throw new AppError('field_masked', denied.map((k) => ({ path: prefix ? `${prefix}.${k}` : k, message: 'campo_riservato' })));
  }
  return [...new Set(Object.keys(input).filter((k) => input[k] !== undefined).map((k) => fields[k] ?? 'special'))];
}

/**
 * Filtering, sorting or counting by a field reveals it as surely as reading it (architecture: "a
 * profile that cannot read a class cannot filter, sort or count by it either").
 */
export function assertFilterable(used: readonly string[], fields: Partial<FieldMap>, readable: ReadonlySet<FieldClass>): void {
  const denied = used.filter((k) => !readable.has(fields[k] ?? 'special'));
  if (denied.length > 0) throw new AppError('field_masked', denied.map((k) => ({ path: k, message: 'campo_riservato' })));
}
