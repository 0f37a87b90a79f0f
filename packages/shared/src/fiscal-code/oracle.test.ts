/**
 * Issue 4, point 3: decoding and coherence checked against codes generated independently by npm
 * `codice-fiscale-js` (test-oracle.ts): the oracle computes each code — birthplace looked up by
 * name in its own list of comuni and foreign states — and its omocodic variants; our side must
 * accept and decode every one of them and find exactly the datum that was changed.
 * (fiscal-code.test.ts checks `computeFiscalCode` and the variant sets; this file the decoding.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FOREIGN_COMMUNITIES } from '../synthetic/names-foreign.js';
import { ITALIAN_FEMALE_NAMES, ITALIAN_MALE_NAMES, ITALIAN_SURNAMES } from '../synthetic/names-italian.js';
import { Rng } from '../synthetic/rng.js';
import {
  computeFiscalCode,
  daysInMonth,
  describeFiscalCode,
  fiscalCodeMismatches,
  parseFiscalCode,
  resolveBirthCentury,
  type FiscalCodePersonalData,
  type Sex,
} from './index.js';
import { CodiceFiscale } from './test-oracle.js';

const ascii = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

/** Minimal RFC 4180 reader (the ANPR file quotes names with commas). */
function readCsv(relative: string): string[][] {
  const text = readFileSync(new URL(`../../../../data/reference/${relative}`, import.meta.url), 'utf8');
  const rows: string[][] = [];
  for (const line of text.trim().split(/\r?\n/).slice(1)) {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line.charAt(i);
      if (quoted && c === '"' && line.charAt(i + 1) === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) { cells.push(cell); cell = ''; }
      else cell += c;
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

interface Place { name: string; province: string }
const COMUNI: Place[] = readCsv('istat/comuni_attivi_anpr_2023.csv').map((r) => ({ name: r[2] ?? '', province: r[4] ?? '' }));
const STATES: Place[] = readCsv('anpr/anpr_stati_esteri.csv')
  .filter((r) => /^Z\d{3}$/.test(r[9] ?? '') && r[11] === 'S')
  .map((r) => ({ name: r[1] ?? '', province: 'EE' }));

interface Generated {
  data: { surname: string; name: string; sex: Sex; birthDate: string; birthPlaceBelfiore: string };
  foreign: boolean;
  code: string;
  variants: string[];
}

function randomWord(rng: Rng): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZAEIOUAEIOU';
  let w = '';
  const n = rng.int(2, 11);
  for (let i = 0; i < n; i++) w += letters.charAt(rng.int(0, letters.length - 1));
  const s = w.charAt(0) + w.slice(1).toLowerCase();
  return rng.chance(0.1) ? `${s.slice(0, 1)}'${s.slice(1)}` : rng.chance(0.1) ? `De ${s}` : s;
}

/** People whose codes the oracle computes; birthplaces the oracle does not know are skipped. */
function generate(count: number, seed: number): Generated[] {
  const rng = new Rng(seed);
  const out: Generated[] = [];
  while (out.length < count) {
    const i = out.length;
    const sex: Sex = rng.chance(0.5) ? 'F' : 'M';
    const foreign = i % 3 === 1;
    const community = rng.pick(FOREIGN_COMMUNITIES);
    const pool = foreign ? (sex === 'F' ? community.femaleNames : community.maleNames) : sex === 'F' ? ITALIAN_FEMALE_NAMES : ITALIAN_MALE_NAMES;
    const surname = ascii(i % 4 === 0 ? randomWord(rng) : rng.pick(foreign ? community.surnames : ITALIAN_SURNAMES));
    const name = ascii(i % 5 === 0 ? randomWord(rng) : rng.pick(pool));
    const year = rng.int(1920, 2025);
    const month = rng.int(1, 12);
    const day = rng.int(1, daysInMonth(year, month)); // 29 February in leap years too
    const place = rng.pick(foreign ? STATES : COMUNI);
    let cf: string;
    try {
      cf = new CodiceFiscale({ surname, name, gender: sex, day, month, year, birthplace: place.name, birthplaceProvincia: place.province }).cf;
    } catch {
      continue; // a spelling the oracle's list lacks (e.g. "AGLIÈ")
    }
    const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const all = CodiceFiscale.getOmocodie(cf);
    const variants = [rng.pick(all), rng.pick(all)];
    out.push({ data: { surname, name, sex, birthDate, birthPlaceBelfiore: cf.slice(11, 15) }, foreign, code: cf, variants });
  }
  return out;
}

const people = generate(240, 20260704);
const allCodes = people.flatMap((p) => [p.code, ...p.variants].map((code) => ({ code, p })));

describe('oracle corpus (codice-fiscale-js)', () => {
  it('covers comuni, foreign states, women, 29 February, 1920–2025 and omocodic codes', () => {
    expect(allCodes.length).toBeGreaterThanOrEqual(600);
    expect(people.filter((p) => p.foreign).length).toBeGreaterThanOrEqual(70);
    expect(new Set(people.filter((p) => p.foreign).map((p) => p.data.birthPlaceBelfiore)).size).toBeGreaterThan(30);
    expect(new Set(people.filter((p) => !p.foreign).map((p) => p.data.birthPlaceBelfiore)).size).toBeGreaterThan(120);
    expect(people.filter((p) => p.data.sex === 'F').length).toBeGreaterThan(80);
    expect(people.some((p) => p.data.birthDate < '1925')).toBe(true);
    expect(people.some((p) => p.data.birthDate >= '2020')).toBe(true);
    expect(allCodes.filter(({ code }) => code !== code.replace(/[L-V]/g, '')).length).toBeGreaterThan(400);
  });

  it('computeFiscalCode gives the oracle code', () => {
    for (const { data, code } of people) {
      expect(computeFiscalCode({ ...data, birthPlaceCode: data.birthPlaceBelfiore }), JSON.stringify(data)).toBe(code);
    }
  });

  it('parseFiscalCode and describeFiscalCode accept and decode every code like the oracle', () => {
    for (const { code, p } of allCodes) {
      const parsed = parseFiscalCode(code);
      expect(parsed, code).not.toBeNull();
      const described = describeFiscalCode(code);
      expect(described.valid, code).toBe(true);
      if (!parsed || !described.valid) continue;
      expect(described.problems).toEqual([]);
      expect(described.baseCode).toBe(p.code);
      expect(described.birthPlaceKind).toBe(p.foreign ? 'foreign_state' : 'comune');
      const inverse = CodiceFiscale.computeInverse(code);
      expect(parsed.sex).toBe(inverse.gender);
      expect(parsed.birthDay).toBe(inverse.day);
      expect(parsed.birthMonth).toBe(inverse.month);
      expect(parsed.birthYear2).toBe(inverse.year % 100);
      expect(parsed.birthPlaceCode).toBe(CodiceFiscale.findLocationCode(inverse.birthplace, inverse.birthplaceProvincia));
      expect(parsed.surnameCode).toBe(inverse.surname);
      expect(parsed.nameCode).toBe(inverse.name);
      const [year, month, day] = p.data.birthDate.split('-').map(Number) as [number, number, number];
      expect([parsed.sex, parsed.birthYear2, parsed.birthMonth, parsed.birthDay]).toEqual([p.data.sex, year % 100, month, day]);
    }
  });

  it('resolveBirthCentury: the true date settles it; without it, the true date is a candidate', () => {
    for (const { code, p } of allCodes) {
      const parsed = parseFiscalCode(code);
      if (!parsed) throw new Error(code);
      expect(resolveBirthCentury(parsed, { birthDate: p.data.birthDate, today: '2026-07-04' })).toEqual({ status: 'resolved', birthDate: p.data.birthDate });
      expect(resolveBirthCentury(parsed, { registryBirthDate: p.data.birthDate, today: '2026-07-04' })).toEqual({ status: 'resolved', birthDate: p.data.birthDate });
      const open = resolveBirthCentury(parsed, { today: '2026-07-04' });
      if (open.status === 'resolved') expect(open.birthDate).toBe(p.data.birthDate);
      else if (open.status === 'ambiguous') expect(open.candidates).toContain(p.data.birthDate);
      else throw new Error(`unexpected mismatch for ${code}`);
    }
  });

  it('fiscalCodeMismatches: none with the generating data, exactly the changed datum otherwise', () => {
    const rng = new Rng(42);
    for (const { code, p } of allCodes) {
      const d = p.data;
      expect(fiscalCodeMismatches(code, d), code).toEqual([]);
      // The century is not in the code: 100 years earlier or later is no mismatch.
      const shifted = `${Number(d.birthDate.slice(0, 4)) + (d.birthDate < '2000' ? 100 : -100)}${d.birthDate.slice(4)}`;
      if (shifted.slice(5) !== '02-29') expect(fiscalCodeMismatches(code, { ...d, birthDate: shifted })).toEqual([]);

      let otherSurname = d.surname;
      while (CodiceFiscale.surnameCode(otherSurname) === CodiceFiscale.surnameCode(d.surname)) otherSurname = ascii(rng.pick(ITALIAN_SURNAMES));
      let otherName = d.name;
      while (CodiceFiscale.nameCode(otherName) === CodiceFiscale.nameCode(d.name)) otherName = ascii(rng.pick(ITALIAN_MALE_NAMES));
      const otherSex: Sex = d.sex === 'M' ? 'F' : 'M';
      const [y, m, day] = d.birthDate.split('-').map(Number) as [number, number, number];
      const otherDay = day === 1 ? 2 : day - 1;
      const otherDate = `${y}-${String(m).padStart(2, '0')}-${String(otherDay).padStart(2, '0')}`;
      const otherPlace = d.birthPlaceBelfiore === 'H501' ? 'F205' : 'H501';
      const fmt = (yy: number, mm: number, dd: number): string => [yy % 100, mm, dd].map((n) => String(n).padStart(2, '0')).join('-');

      const cases: Array<[FiscalCodePersonalData, unknown]> = [
        [{ ...d, surname: otherSurname }, { field: 'surname', expected: CodiceFiscale.surnameCode(d.surname), actual: CodiceFiscale.surnameCode(otherSurname) }],
        [{ ...d, name: otherName }, { field: 'name', expected: CodiceFiscale.nameCode(d.name), actual: CodiceFiscale.nameCode(otherName) }],
        [{ ...d, sex: otherSex }, { field: 'sex', expected: d.sex, actual: otherSex }],
        [{ ...d, birthDate: otherDate }, { field: 'birthDate', expected: fmt(y, m, day), actual: fmt(y, m, otherDay) }],
        [{ ...d, birthPlaceBelfiore: otherPlace }, { field: 'birthPlace', expected: d.birthPlaceBelfiore, actual: otherPlace }],
      ];
      for (const [data, mismatch] of cases) expect(fiscalCodeMismatches(code, data), `${code} ${JSON.stringify(data)}`).toEqual([mismatch]);
    }
  });
});
