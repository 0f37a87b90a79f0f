import { z } from 'zod';
import { profileFieldClasses, type ProfileFieldClass } from '../contracts/organisation-common.js';
import { dateOnly } from '../wire/primitives.js';

/**
 * Configuration-defined fields (architecture, "Scope, grants and masking": extra desk fields,
 * intervention detail forms and instruments declare a class too). A definition says where a field
 * appears, its type and rules, and its field class; the owning module stores the values of a record as
 * a map key → value and validates them with `customValuesSchema` (values.ts). Pure: used by the server
 * and the browser.
 */

/**
 * Where a field appears. `intake`: extra fields of a desk configuration (narrowed by `appliesTo`, a desk
 * type or a thematic code); `person`: extra fields of a person. Later: intervention detail forms and
 * instruments (assessment scales).
 */
export const customFieldTargets = ['intake', 'person', 'intervention_detail', 'instrument'] as const;
export type CustomFieldTarget = (typeof customFieldTargets)[number];

export const customFieldTypes = ['text', 'long_text', 'number', 'date', 'boolean', 'choice', 'multi_choice'] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];

/** Hard limits whatever the definition says: a text value of at most 500 characters, a long text of 10,000. */
export const customFieldLimits = { text: 500, long_text: 10_000, options: 200, pattern: 200 } as const;

/**
 * How protected a class is, for class changes of an existing field: public < personal < the four
 * protected classes (special and judicial — GDPR art. 9 and 10 —, reserved, foreigner). Values already
 * stored under a field may only move to a STRICTER class: the readers of a field must never grow behind
 * the back of those who wrote the values. The four protected classes have different readers (the
 * foreigners' desk reads `foreigner`, never `special`), so none of them is stricter than another and a
 * move between them is refused too.
 */
export const classStrictness: Record<ProfileFieldClass, number> = { public: 0, personal: 1, special: 2, judicial: 2, reserved: 2, foreigner: 2 };

/** Whether a field of class `from` may become `to` (the same class, or a stricter one). */
export function classChangeAllowed(from: ProfileFieldClass, to: ProfileFieldClass): boolean {
  return from === to || classStrictness[to] > classStrictness[from];
}

const slug = z.string().trim().regex(/^[a-z][a-z0-9_]{0,59}$/, 'invalid_format');

export const customFieldOption = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/, 'invalid_format'),
  labelIt: z.string().trim().min(1, 'required').max(200),
  labelEn: z.string().trim().max(200).nullable().default(null),
  /** No longer offered for new values; stored values with this code stay valid. */
  archived: z.boolean().default(false),
});
export type CustomFieldOption = z.output<typeof customFieldOption>;

/** The definition as configured (without identity, version and scope). */
export const customFieldDefinitionShape = z.object({
  target: z.enum(customFieldTargets),
  /** For `intake`: a desk type (`sportello_stranieri`) or a thematic code (`adi`); null = everywhere in the target. */
  appliesTo: slug.nullable().default(null),
  /** The key of the value in the owning record's map (a slug); never changes once created. */
  key: slug,
  labelIt: z.string().trim().min(1, 'required').max(200),
  labelEn: z.string().trim().max(200).nullable().default(null),
  helpIt: z.string().trim().max(1000).nullable().default(null),
  helpEn: z.string().trim().max(1000).nullable().default(null),
  type: z.enum(customFieldTypes),
  options: z.array(customFieldOption).max(customFieldLimits.options).default([]),
  required: z.boolean().default(false),
  fieldClass: z.enum(profileFieldClasses),
  /** Length of a text, value of a number, number of choices of a multiple choice. */
  min: z.number().nullable().default(null),
  max: z.number().nullable().default(null),
  /** Bounds of a date. */
  minDate: dateOnly.nullable().default(null),
  maxDate: dateOnly.nullable().default(null),
  /** A regular expression the whole text must match (no nested quantifiers or back-references). */
  pattern: z.string().max(customFieldLimits.pattern).nullable().default(null),
  position: z.number().int().min(0).max(100_000).default(0),
  validFrom: dateOnly.nullable().default(null),
  validTo: dateOnly.nullable().default(null),
});

type DefinitionFields = z.output<typeof customFieldDefinitionShape>;

/**
 * The rules between the attributes of a definition; reported with the attribute's path. Shared by the
 * definition schema and the fields.upsert contract.
 */
export function checkDefinition(d: DefinitionFields, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const choice = d.type === 'choice' || d.type === 'multi_choice';
  if (choice && d.options.filter((o) => !o.archived).length === 0) issue('options', 'scelte_richieste');
  if (!choice && d.options.length > 0) issue('options', 'non_previsto_per_il_tipo');
  const codes = d.options.map((o) => o.code);
  codes.forEach((c, i) => {
    if (codes.indexOf(c) !== i) ctx.addIssue({ code: 'custom', path: ['options', i, 'code'], message: 'codice_ripetuto' });
  });
  const bounded = d.type === 'text' || d.type === 'long_text' || d.type === 'number' || d.type === 'multi_choice';
  for (const k of ['min', 'max'] as const) {
    const v = d[k];
    if (v === null) continue;
    if (!bounded) issue(k, 'non_previsto_per_il_tipo');
    else if (d.type !== 'number' && (!Number.isInteger(v) || v < 0)) issue(k, 'invalid_value');
    else if (d.type === 'text' || d.type === 'long_text') {
      if (v > customFieldLimits[d.type]) issue(k, 'too_big');
    }
  }
  if (d.min !== null && d.max !== null && d.min > d.max) issue('max', 'minimo_oltre_massimo');
  if (d.type !== 'date' && d.minDate !== null) issue('minDate', 'non_previsto_per_il_tipo');
  if (d.type !== 'date' && d.maxDate !== null) issue('maxDate', 'non_previsto_per_il_tipo');
  if (d.minDate !== null && d.maxDate !== null && d.minDate > d.maxDate) issue('maxDate', 'minimo_oltre_massimo');
  if (d.pattern !== null) {
    if (d.type !== 'text') issue('pattern', 'non_previsto_per_il_tipo');
    else if (!safePattern(d.pattern)) issue('pattern', 'espressione_non_valida');
  }
  if (d.validFrom !== null && d.validTo !== null && d.validFrom > d.validTo) issue('validTo', 'date_invertite');
}

export const customFieldDefinition = customFieldDefinitionShape.superRefine(checkDefinition);
export type CustomFieldDefinitionInput = z.input<typeof customFieldDefinition>;
export type CustomFieldDefinition = z.output<typeof customFieldDefinition>;

/**
 * A pattern is compiled against every value the server receives, so it must not backtrack without end
 * (OWASP: ReDoS): it must compile as a Unicode expression, and must not hold back-references, nor a
 * repeated group that itself repeats or alternates (`(a+)+`, `(a|ab)*`). Text values are also at most
 * 500 characters long.
 */
export function safePattern(pattern: string): boolean {
  if (pattern.length === 0 || pattern.length > customFieldLimits.pattern) return false;
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return false;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return false;
  // One frame per open group: does it hold a quantifier or an alternation?
  const stack: { risky: boolean }[] = [{ risky: false }];
  const isQuantifier = (i: number) => {
    const c = pattern[i];
    return c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(i)));
  };
  // A quantifier that repeats (not `?`, `{0,1}` or `{1}`): what makes a risky group explode.
  const repeats = (i: number) => {
    const c = pattern[i];
    if (c === '*' || c === '+') return true;
    const m = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i)) : null;
    if (!m) return false;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    return max > 1;
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // Skip a character class (escapes inside included).
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      continue;
    }
    if (c === '(') {
      stack.push({ risky: false });
      continue;
    }
    if (c === ')') {
      const frame = stack.pop()!;
      if (frame.risky && repeats(i + 1)) return false;
      if (frame.risky) stack[stack.length - 1]!.risky = true;
      continue;
    }
    if (c === '|') stack[stack.length - 1]!.risky = true;
    else if (isQuantifier(i) && (c !== '?' || i === 0 || pattern[i - 1] !== '(')) stack[stack.length - 1]!.risky = true;
  }
  return true;
}

/** The definitions of `target` offered on `on` (a "YYYY-MM-DD" day) where `appliesTo` includes the place (null = everywhere). */
export function activeDefinitions<D extends Pick<CustomFieldDefinition, 'target' | 'appliesTo' | 'validFrom' | 'validTo' | 'position' | 'key'> & { archived: boolean }>(
  definitions: readonly D[],
  where: { target: CustomFieldTarget; appliesTo?: readonly string[]; on: string },
): D[] {
  const places = new Set(where.appliesTo ?? []);
  return definitions
    .filter((d) => d.target === where.target && !d.archived)
    .filter((d) => d.appliesTo === null || places.has(d.appliesTo))
    .filter((d) => (d.validFrom === null || d.validFrom <= where.on) && (d.validTo === null || d.validTo >= where.on))
    .sort((a, b) => a.position - b.position || a.key.localeCompare(b.key));
}
