import { describe, expect, it } from 'vitest';
import { Rng } from '../synthetic/rng.js';
import {
  CHECK_EVEN_VALUES,
  CHECK_ODD_VALUES,
  FISCAL_CODE_PATTERN,
  TEMPORARY_CODE_ALPHABET,
  generateAnonymousCode,
  generateTemporaryFiscalCode,
  isAnonymousCode,
  isTemporaryFiscalCode,
  isValidFiscalCode,
  isValidStpEniCode,
  parseStpEniCode,
} from './index.js';

const seeded = (seed: number): (() => number) => {
  const rng = new Rng(seed);
  return () => rng.next();
};

describe('temporary fiscal code (local only)', () => {
  const random = seeded(11);
  const codes = Array.from({ length: 2000 }, () => generateTemporaryFiscalCode(random));

  it('has the shape TMP + digit + 11 safe characters + check character and is recognised', () => {
    for (const code of codes) {
      expect(code).toMatch(/^TMP[0-9][0-9KMNPQRSTUVWXYZ]{11}[A-Z]$/);
      expect(code).toMatch(/^[A-Z0-9]{16}$/); // what persons' fiscalCodeInput accepts
      expect(isTemporaryFiscalCode(code)).toBe(true);
      expect(isTemporaryFiscalCode(code.toLowerCase())).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('can never be taken for a codice fiscale', () => {
    for (const code of codes) {
      expect(FISCAL_CODE_PATTERN.test(code)).toBe(false);
      expect(isValidFiscalCode(code)).toBe(false);
    }
  });

  it('is deterministic with an injected source and random with Web Crypto', () => {
    expect(generateTemporaryFiscalCode(seeded(3))).toBe(generateTemporaryFiscalCode(seeded(3)));
    const a = generateTemporaryFiscalCode();
    const b = generateTemporaryFiscalCode();
    expect(isTemporaryFiscalCode(a) && isTemporaryFiscalCode(b)).toBe(true);
    expect(a).not.toBe(b);
    expect(() => generateTemporaryFiscalCode(() => 1)).toThrow(RangeError);
  });

  it('catches every single mistyped character', () => {
    // The alphabet has distinct check values in both tables, so one substitution changes the sum.
    for (const table of [CHECK_ODD_VALUES, CHECK_EVEN_VALUES]) {
      expect(new Set([...TEMPORARY_CODE_ALPHABET].map((c) => table[c])).size).toBe(TEMPORARY_CODE_ALPHABET.length);
    }
    const all = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const code of codes.slice(0, 50)) {
      for (let pos = 0; pos < 16; pos++) {
        for (const c of all) {
          if (c === code.charAt(pos)) continue;
          const typo = code.slice(0, pos) + c + code.slice(pos + 1);
          expect(isTemporaryFiscalCode(typo), typo).toBe(false);
        }
      }
    }
    expect(isTemporaryFiscalCode('')).toBe(false);
    expect(isTemporaryFiscalCode('RSSMRA80A01H501U')).toBe(false);
  });
});

describe('anonymous code', () => {
  it('is ANON- and 8 Crockford base-32 characters', () => {
    const random = seeded(8);
    const codes = Array.from({ length: 1000 }, () => generateAnonymousCode(random));
    for (const code of codes) {
      expect(code).toMatch(/^ANON-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
      expect(isAnonymousCode(code)).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(generateAnonymousCode(seeded(8))).toBe(codes[0]);
    expect(isAnonymousCode(generateAnonymousCode())).toBe(true);
  });

  it('rejects other shapes', () => {
    expect(isAnonymousCode('anon-7k3m9q2z')).toBe(true);
    for (const bad of ['ANON-7K3M9Q2', 'ANON-7K3M9Q2Z1', 'ANON-7K3M9Q2I', 'ANON-7K3M9Q2L', 'ANON-7K3M9Q2O', 'ANON-7K3M9Q2U', 'ANON7K3M9Q2Z', 'TMP-7K3M9Q2Z', '']) {
      expect(isAnonymousCode(bad), bad).toBe(false);
    }
  });
});

describe('STP / ENI codes', () => {
  it('parses prefix, region, ASL and progressive number', () => {
    expect(parseStpEniCode('STP1201010000123')).toEqual({ code: 'STP1201010000123', kind: 'STP', regionCode: '120', aslCode: '101', progressive: '0000123' });
    expect(parseStpEniCode(' eni 100 102 0004567 ')).toEqual({ code: 'ENI1001020004567', kind: 'ENI', regionCode: '100', aslCode: '102', progressive: '0004567' });
    expect(isValidStpEniCode('STP0300000000001')).toBe(true);
  });

  it('rejects other shapes', () => {
    for (const bad of ['STP120101000012', 'STP12010100001234', 'STX1201010000123', 'STP12010100001A3', 'RSSMRA80A01H501U', 'TMP1201010000123', '']) {
      expect(isValidStpEniCode(bad), bad).toBe(false);
      expect(parseStpEniCode(bad)).toBeNull();
    }
  });
});
