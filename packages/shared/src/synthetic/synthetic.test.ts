import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeFiscalCode, decodeOmocodia, isOmocodic, isValidFiscalCode } from '../fiscal-code/index.js';
import { CodiceFiscale } from '../fiscal-code/test-oracle.js';
import {
  KINSHIP,
  Rng,
  ageAt,
  generateHousehold,
  generatePerson,
  weighted,
  type ComuneRef,
  type StateRef,
  type SyntheticContext,
  type SyntheticPerson,
} from './index.js';

/** Minimal RFC 4180 reader for the vendored fixtures (quoted fields, doubled quotes). */
function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(new URL(`../../../../data/reference/${path}`, import.meta.url), 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  const [header, ...data] = rows;
  return data.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}

const comuni: ComuneRef[] = readCsv('anpr/anpr_comuni_storico.csv')
  .filter((r) => r.CODCATASTALE !== 'ND')
  .map((r) => ({
    belfiore: r.CODCATASTALE as string,
    name: r.DENOMINAZIONE_IT as string,
    provinceCode: r.SIGLAPROVINCIA as string,
    validFrom: r.DATAISTITUZIONE as string,
    validTo: r.DATACESSAZIONE === '9999-12-31' ? null : (r.DATACESSAZIONE as string),
  }));
const states: StateRef[] = readCsv('anpr/anpr_stati_esteri.csv')
  .filter((r) => r.codat)
  .map((r) => ({
    code: r.codat as string,
    name: r.denominazione as string,
    isoNumeric: r.iso3166_numeric_derivato ? Number(r.iso3166_numeric_derivato) : null,
  }));
const ctx: SyntheticContext = { comuni, states, referenceDate: '2025-01-01' };

function people(seed: number, households: number): Array<SyntheticPerson & { kinship: string; household: number }> {
  const rng = new Rng(seed);
  return Array.from({ length: households }, (_, h) =>
    generateHousehold(rng, ctx).members.map((m) => ({ ...m, household: h })),
  ).flat();
}

describe('Rng', () => {
  it('is deterministic by seed and stays in range', () => {
    const a = new Rng(1);
    const b = new Rng(1);
    const seqA = Array.from({ length: 50 }, () => a.nextUint32());
    expect(Array.from({ length: 50 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => new Rng(2).nextUint32())).not.toEqual(seqA);
    const r = new Rng(3);
    for (let i = 0; i < 10_000; i++) {
      const x = r.int(-3, 3);
      expect(x).toBeGreaterThanOrEqual(-3);
      expect(x).toBeLessThanOrEqual(3);
    }
  });

  it('weighted picks follow the weights', () => {
    const picker = weighted([['a', 1], ['b', 3], ['c', 0]] as const);
    const rng = new Rng(5);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 40_000; i++) counts[picker.pick(rng)]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.8);
    expect(counts.b / counts.a).toBeLessThan(3.2);
  });
});

describe('generatePerson / generateHousehold', () => {
  it('is deterministic by seed', () => {
    expect(people(42, 300)).toEqual(people(42, 300));
    expect(people(43, 50)).not.toEqual(people(42, 50));
    const p1 = generatePerson(new Rng(7), ctx);
    expect(generatePerson(new Rng(7), ctx)).toEqual(p1);
  });

  const sample = people(2024, 8000);

  it('gives every person a valid fiscal code matching their data', () => {
    for (const p of sample) {
      expect(isValidFiscalCode(p.fiscalCode), p.fiscalCode).toBe(true);
      expect(CodiceFiscale.check(p.fiscalCode), p.fiscalCode).toBe(true);
      expect(isOmocodic(p.fiscalCode)).toBe(p.omocodic);
      const base = computeFiscalCode({
        surname: p.surname, name: p.name, sex: p.sex, birthDate: p.birthDate, birthPlaceCode: p.birthPlace.code,
      });
      expect(decodeOmocodia(p.fiscalCode)).toBe(base);
    }
  });

  it('uses birth places valid on the birth date', () => {
    const byCode = new Map<string, ComuneRef[]>();
    for (const c of comuni) byCode.set(c.belfiore, [...(byCode.get(c.belfiore) ?? []), c]);
    const stateCodes = new Set(states.map((s) => s.code));
    for (const p of sample) {
      if (p.birthPlace.kind === 'state') {
        expect(stateCodes.has(p.birthPlace.code)).toBe(true);
        continue;
      }
      const rows = byCode.get(p.birthPlace.code) ?? [];
      const ok = rows.some((c) => (c.validFrom ?? '') <= p.birthDate && (!c.validTo || c.validTo >= p.birthDate));
      expect(ok, `${p.birthPlace.code} ${p.birthDate}`).toBe(true);
    }
  });

  it('has plausible distributions', () => {
    const n = sample.length;
    const share = (f: (p: SyntheticPerson) => boolean): number => sample.filter(f).length / n;
    expect(share((p) => p.sex === 'F')).toBeGreaterThan(0.48);
    expect(share((p) => p.sex === 'F')).toBeLessThan(0.55);
    expect(share((p) => !p.citizenships.includes(380))).toBeGreaterThan(0.05);
    expect(share((p) => !p.citizenships.includes(380))).toBeLessThan(0.13);
    expect(share((p) => p.citizenships.length > 1)).toBeGreaterThan(0.002);
    expect(share((p) => p.omocodic)).toBeGreaterThan(0.005);
    expect(share((p) => p.omocodic)).toBeLessThan(0.016);
    expect(share((p) => p.birthPlace.kind === 'state')).toBeGreaterThan(0.06);
    expect(share((p) => p.birthPlace.kind === 'state')).toBeLessThan(0.15);
    const ages = sample.map((p) => ageAt(p.birthDate, '2025-01-01'));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(105);
    const meanAge = ages.reduce((a, b) => a + b, 0) / n;
    expect(meanAge).toBeGreaterThan(38);
    expect(meanAge).toBeLessThan(50);
    expect(share((p) => ageAt(p.birthDate, '2025-01-01') < 18)).toBeGreaterThan(0.1);
    expect(n / 8000).toBeGreaterThan(2.0); // ISTAT: 2.3 members per household
    expect(n / 8000).toBeLessThan(2.7);
    expect(new Set(sample.map((p) => p.origin)).size).toBeGreaterThan(10);
    expect(share((p) => /['’]/.test(p.surname))).toBeGreaterThan(0);
  });

  it('builds coherent households', () => {
    const kinships = new Set<string>(Object.values(KINSHIP));
    const byHousehold = new Map<number, typeof sample>();
    for (const p of sample) byHousehold.set(p.household, [...(byHousehold.get(p.household) ?? []), p]);
    for (const members of byHousehold.values()) {
      expect(members[0]?.kinship).toBe(KINSHIP.head);
      expect(members.filter((m) => m.kinship === KINSHIP.head)).toHaveLength(1);
      for (const m of members) {
        expect(kinships.has(m.kinship)).toBe(true);
        expect(m.residence).toEqual(members[0]?.residence);
        expect(m.residence.comuneBelfiore).toMatch(/^[A-Z]\d{3}$/);
      }
      const head = members[0] as SyntheticPerson;
      for (const child of members.filter((m) => m.kinship === KINSHIP.child)) {
        expect(child.birthDate > head.birthDate || members.length > 1).toBe(true);
      }
    }
    expect(new Set(sample.map((p) => p.fiscalCode)).size).toBeGreaterThan(sample.length * 0.995);
  });
});
