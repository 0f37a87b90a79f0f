import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../wire/errors.js';
import { errorMessages, fieldMessageKeys, fieldMessages, fieldMessageText, isFieldMessageKey } from './error-messages.js';

const sharedSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The .ts files (tests excluded) of a folder of the shared package, recursively. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/**
 * The message keys the contracts give zod (`.regex(re, 'formato_data')`, `{ message: 'date_invertite' }`,
 * `ctx.addIssue({ message })`): strings the compiler cannot tie to the catalogue, so they are read here.
 */
function zodMessageKeys(): { key: string; where: string }[] {
  const found: { key: string; where: string }[] = [];
  for (const dir of ['contracts', 'wire', 'custom-fields', 'intake']) {
    for (const file of sources(path.join(sharedSrc, dir))) {
      fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (line.includes('new RegExp(')) return; // its second argument is the flags ('u')
        for (const m of line.matchAll(/, '([\p{Ll}_]+)'\)|message: '([\p{Ll}_]+)'/gu)) {
          found.push({ key: (m[1] ?? m[2])!, where: `${path.relative(sharedSrc, file)}:${i + 1}` });
        }
      });
    }
  }
  return found;
}

describe('the error catalogue', () => {
  it('has an Italian and an English text for every wire error code', () => {
    for (const code of errorCodes) {
      expect(errorMessages[code].it.trim(), code).not.toBe('');
      expect(errorMessages[code].en.trim(), code).not.toBe('');
    }
  });

  it('has an Italian and an English sentence for every detail key of the closed union, never the key itself', () => {
    expect(fieldMessageKeys.length).toBeGreaterThan(100);
    for (const key of fieldMessageKeys) {
      for (const text of [fieldMessages[key].it, fieldMessages[key].en]) {
        expect(text.trim(), key).not.toBe('');
        expect(text, key).not.toBe(key);
        expect(text, key).toMatch(/[.!?)]$/);
      }
    }
  });

  it('recognises only its own keys', () => {
    expect(isFieldMessageKey('formato_data')).toBe(true);
    expect(isFieldMessageKey('toString')).toBe(false);
    expect(isFieldMessageKey('constructor')).toBe(false);
    expect(fieldMessageText('custom', 'it')).toBeUndefined();
    expect(fieldMessageText('required', 'en')).toBe('Required.');
  });

  it('has a text for every message key the shared contracts give zod', () => {
    const found = zodMessageKeys();
    expect(found.length).toBeGreaterThan(30);
    expect(found.filter((f) => !isFieldMessageKey(f.key))).toEqual([]);
  });
});
