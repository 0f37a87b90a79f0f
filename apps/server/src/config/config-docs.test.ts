import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from './config.js';

describe('docs/configuration.md', () => {
  it('documents every configuration key, and no key that does not exist', () => {
    const whole = fs.readFileSync(new URL('../../../../docs/configuration.md', import.meta.url), 'utf8');
    // The server's table comes before the section on test and tool variables.
    const doc = whole.split(/^## /m)[0]!;
    const schemaKeys = Object.keys(configSchema.in.shape).sort();
    const documented = [...new Set([...doc.matchAll(/^\|\s*`([A-Z][A-Z0-9_]+)`/gm)].map((m) => m[1]!))].sort();
    expect(documented).toEqual(schemaKeys);
  });
});
