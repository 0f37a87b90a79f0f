import { z } from 'zod';
import { isFieldMessageKey } from '../i18n/error-messages.js';
import { dateOnly } from '../wire/primitives.js';
import { customFieldLimits, type CustomFieldDefinition } from './definition.js';

/** A stored value: text, number, day ("YYYY-MM-DD"), boolean, a choice's code or codes. */
export type CustomValue = string | number | boolean | string[];

/** The part of a definition that validates a value. */
export type ValueRules = Pick<CustomFieldDefinition, 'key' | 'type' | 'required' | 'options' | 'min' | 'max' | 'minDate' | 'maxDate' | 'pattern'>;

/** The schema of one value of a definition (never null: "no value" is handled by customValuesSchema). */
export function customValueSchema(d: ValueRules): z.ZodType<CustomValue> {
  const codes = new Set(d.options.map((o) => o.code));
  switch (d.type) {
    case 'text':
    case 'long_text': {
      let s = z.string().trim().max(Math.min(d.max ?? Infinity, customFieldLimits[d.type]), 'too_big');
      if (d.min !== null) s = s.min(d.min, 'too_small');
      if (d.pattern !== null) {
        const re = new RegExp(`^(?:${d.pattern})$`, 'u');
        return s.refine((v) => re.test(v), 'invalid_format');
      }
      return s;
    }
    case 'number': {
      let n = z.number('invalid_type');
      if (d.min !== null) n = n.min(d.min, 'too_small');
      if (d.max !== null) n = n.max(d.max, 'too_big');
      return n;
    }
    case 'date':
      return dateOnly
        .refine((v) => d.minDate === null || v >= d.minDate, 'too_small')
        .refine((v) => d.maxDate === null || v <= d.maxDate, 'too_big');
    case 'boolean':
      return z.boolean('invalid_type');
    case 'choice':
      return z.string('invalid_type').refine((v) => codes.has(v), 'invalid_value');
    case 'multi_choice': {
      let a = z.array(z.string('invalid_type').refine((v) => codes.has(v), 'invalid_value'), 'invalid_type');
      if (d.min !== null) a = a.min(d.min, 'too_small');
      if (d.max !== null) a = a.max(d.max, 'too_big');
      return a.refine((v) => new Set(v).size === v.length, 'invalid_value');
    }
  }
}

/** No value: absent, null, an empty text, no choices. */
function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

export interface CustomValuesOptions {
  /**
   * Saving an incomplete record (sections saved and completed later, intake issue): required fields may
   * be empty. Completing the record validates again without it.
   */
  partial?: boolean;
}

/**
 * Validates a values map (`extra: Record<string, unknown>` of an owning module's input) against the
 * definitions that apply: types, required, choices, lengths, dates, patterns. A key no definition
 * declares is refused (`campo_non_configurato`): a value must never be stored without a class. Issue
 * paths are the keys (`isee.0`); the owning module prefixes them (`extra.isee`).
 *
 * The result keeps the keys sent: an empty value becomes `null` ("cleared"), an absent key stays absent
 * ("not sent"), so a module may merge a partial update into the stored map.
 */
export function customValuesSchema(definitions: readonly ValueRules[], options: CustomValuesOptions = {}) {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const schemas = new Map(definitions.map((d) => [d.key, customValueSchema(d)]));
  return z.record(z.string(), z.unknown()).transform((values, ctx) => {
    const out: Record<string, CustomValue | null> = {};
    for (const key of Object.keys(values)) {
      if (!byKey.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'campo_non_configurato' });
    }
    for (const d of definitions) {
      const v = values[d.key];
      if (isEmpty(v)) {
        if (d.required && !options.partial) ctx.addIssue({ code: 'custom', path: [d.key], message: 'required' });
        else if (v !== undefined) out[d.key] = null;
        continue;
      }
      const parsed = schemas.get(d.key)!.safeParse(v);
      if (parsed.success) {
        out[d.key] = parsed.data;
        continue;
      }
      for (const issue of parsed.error.issues) {
        // Messages are keys of the shared catalogue; zod's own messages fall back to the issue code.
        const message = isFieldMessageKey(issue.message) ? issue.message : issue.code;
        ctx.addIssue({ code: 'custom', path: [d.key, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message });
      }
    }
    return out;
  });
}
