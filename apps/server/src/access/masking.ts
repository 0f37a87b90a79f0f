import { AppError } from '../http/app-error.js';
import type { FieldClass, FieldMap, FieldSpec } from './field-classes.js';

export const MASKED = { masked: true } as const;

export type MaskedRecord<T> = { [K in keyof T]: T[K] | typeof MASKED };

/**
 * Masks the fields whose class the actor cannot read (architecture: masking applies on every read
 * path). Returns the record and the classes actually read, for the audit row. Fields missing from
 * the map are treated as `special`: an unclassified field is never shown by accident. A field whose
 * spec is itself a map (a section stored as one object) is masked field by field; a null section
 * stays null (it says only that nothing was recorded).
 */
export function maskRecord<T extends Record<string, unknown>>(
  record: T,
  fields: FieldSpec,
  readable: ReadonlySet<FieldClass>,
): { value: MaskedRecord<T>; classesRead: FieldClass[] } {
  const read = new Set<FieldClass>();
  const value = maskInto(record, fields, readable, read);
  return { value: value as MaskedRecord<T>, classesRead: [...read] };
}

function maskInto(record: Record<string, unknown>, fields: FieldSpec, readable: ReadonlySet<FieldClass>, read: Set<FieldClass>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(record)) {
    const spec = fields[key] ?? 'special';
    if (typeof spec === 'object') {
      out[key] = v !== null && typeof v === 'object' && !Array.isArray(v) ? maskInto(v as Record<string, unknown>, spec, readable, read) : v === null || v === undefined ? v : MASKED;
    } else if (readable.has(spec)) {
      out[key] = v;
      if (v !== null && v !== undefined) read.add(spec);
    } else {
      out[key] = MASKED;
    }
  }
  return out;
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
