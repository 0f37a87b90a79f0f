import { customValuesSchema, type CustomValue, type CustomValuesOptions, type ValueRules } from '@siso/shared';
import { detailsFromZod } from '../http/error-body.js';
import { AppError } from '../http/app-error.js';
import type { FieldClass, FieldMap } from './field-classes.js';
import { assertFilterable, assertWritable, maskRecord, MASKED } from './masking.js';

/**
 * Values of configuration-defined fields (architecture: "Configuration-defined fields … declare a class
 * too"), stored by their owning module as a map key → value (`extra`). The same rules as the module's
 * own fields (masking.ts): each key takes the class of its definition, and a key no definition declares
 * — a definition removed, a value written by hand — counts as `special`, so it is never shown by accident.
 * Pass every definition of the target, archived ones included: an archived field still classifies the
 * values already stored.
 */
export interface ClassifiedField {
  key: string;
  fieldClass: FieldClass;
}

/** The field map of a set of definitions (key → class). */
export function customFieldMap(definitions: readonly ClassifiedField[]): FieldMap {
  return Object.fromEntries(definitions.map((d) => [d.key, d.fieldClass]));
}

/** Masks the values whose class the actor cannot read as `{ masked: true }`; returns the classes read, for the audit row. */
export function maskCustomValues(
  values: Record<string, unknown> | null | undefined,
  definitions: readonly ClassifiedField[],
  readable: ReadonlySet<FieldClass>,
): { value: Record<string, unknown>; classesRead: FieldClass[] } {
  return maskRecord(values ?? {}, customFieldMap(definitions), readable);
}

/**
 * A write to a value of a class the actor cannot write is refused as a whole: 403 `field_masked` with the
 * paths (`extra.<key>`). Returns the classes written, for the audit row.
 */
export function assertCustomWritable(
  values: Record<string, unknown>,
  definitions: readonly ClassifiedField[],
  writable: ReadonlySet<FieldClass>,
  prefix = 'extra',
): FieldClass[] {
  return assertWritable(values, customFieldMap(definitions), writable, prefix);
}

/** Filtering, sorting or counting by a value of a class the actor cannot read: 403 `field_masked` (paths `extra.<key>`). */
export function assertCustomFilterable(
  keys: readonly string[],
  definitions: readonly ClassifiedField[],
  readable: ReadonlySet<FieldClass>,
  prefix = 'extra',
): void {
  try {
    assertFilterable(keys, customFieldMap(definitions), readable);
  } catch (err) {
    if (err instanceof AppError) throw new AppError(err.code, err.details.map((d) => ({ ...d, path: prefix ? `${prefix}.${d.path}` : d.path })));
    throw err;
  }
}

/**
 * Validates a values map of an action's input against the definitions that apply (customValuesSchema):
 * 400 `invalid_input` with paths `extra.<key>`. Returns the normalised map (empty values as null).
 */
export function parseCustomValues(
  values: Record<string, unknown>,
  definitions: readonly ValueRules[],
  options: CustomValuesOptions = {},
  prefix = 'extra',
): Record<string, CustomValue | null> {
  const parsed = customValuesSchema(definitions, options).safeParse(values);
  if (!parsed.success) throw new AppError('invalid_input', detailsFromZod(parsed.error, prefix));
  return parsed.data;
}

/**
 * The keys whose change events keep only the name (audit model: "old/new values for ordinary fields and
 * only the names of special/judicial fields"): every class but public and personal.
 */
export function restrictedCustomKeys(definitions: readonly ClassifiedField[]): string[] {
  return definitions.filter((d) => d.fieldClass !== 'public' && d.fieldClass !== 'personal').map((d) => d.key);
}

export { MASKED };
