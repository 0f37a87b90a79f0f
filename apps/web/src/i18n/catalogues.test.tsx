// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import it_ from './it.json';
import en from './en.json';

function leaves(obj: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(obj as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of leaves(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('i18n catalogues', () => {
  const itKeys = leaves(it_);
  const enKeys = leaves(en);

  it('have the same keys in Italian and English', () => {
    const missingInEn = [...itKeys.keys()].filter((k) => !enKeys.has(k));
    const missingInIt = [...enKeys.keys()].filter((k) => !itKeys.has(k));
    expect({ missingInEn, missingInIt }).toEqual({ missingInEn: [], missingInIt: [] });
  });

  it('have only non-empty strings', () => {
    for (const [key, value] of [...itKeys, ...enKeys]) {
      expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
    }
  });

  it('use the same interpolation placeholders in both languages', () => {
    for (const [key, value] of itKeys) {
      expect(placeholders(String(enKeys.get(key) ?? '')), key).toEqual(placeholders(String(value)));
    }
  });
});
