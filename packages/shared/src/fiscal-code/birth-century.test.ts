import { describe, expect, it } from 'vitest';
import { checkCharacter, computeFiscalCode, omocodiaVariant, parseFiscalCode, resolveBirthCentury, type ParsedFiscalCode } from './index.js';

const today = '2026-07-04';

/** Parsed code of a person born on `birthDate` (sex F adds 40 to the day). */
function parsedFor(birthDate: string, sex: 'M' | 'F' = 'M'): ParsedFiscalCode {
  const code = computeFiscalCode({ surname: 'Rossi', name: 'Anna', sex, birthDate, birthPlaceCode: 'H501' });
  const parsed = parseFiscalCode(code);
  if (!parsed) throw new Error(code);
  return parsed;
}

/** Parsed code for a year/month/day that need not exist in every century (e.g. 29 February). */
function parsedRaw(yy: string, monthLetter: string, dd: string): ParsedFiscalCode {
  const first15 = `RSSNNA${yy}${monthLetter}${dd}H501`;
  const parsed = parseFiscalCode(first15 + checkCharacter(first15));
  if (!parsed) throw new Error(first15);
  return parsed;
}

describe('resolveBirthCentury', () => {
  it('resolves from the code alone when only one century is plausible', () => {
    expect(resolveBirthCentury(parsedFor('1980-01-01'), { today })).toEqual({ status: 'resolved', birthDate: '1980-01-01' });
    // 2026-12-01 is in the future: only 1926.
    expect(resolveBirthCentury(parsedFor('1926-12-01'), { today })).toEqual({ status: 'resolved', birthDate: '1926-12-01' });
    // 1905 is more than 120 years ago: only 2005.
    expect(resolveBirthCentury(parsedFor('2005-03-10', 'F'), { today })).toEqual({ status: 'resolved', birthDate: '2005-03-10' });
  });

  it('is ambiguous when both centuries are plausible', () => {
    expect(resolveBirthCentury(parsedFor('2020-03-15'), { today })).toEqual({ status: 'ambiguous', candidates: ['1920-03-15', '2020-03-15'] });
    // Today itself counts as not in the future.
    expect(resolveBirthCentury(parsedFor('2026-07-04'), { today })).toEqual({ status: 'ambiguous', candidates: ['1926-07-04', '2026-07-04'] });
    expect(resolveBirthCentury(parsedFor('2026-07-05'), { today })).toEqual({ status: 'resolved', birthDate: '1926-07-05' });
  });

  it('keeps the 120-year limit to the day', () => {
    expect(resolveBirthCentury(parsedFor('2006-07-04'), { today }).status).toBe('ambiguous'); // 1906-07-04: exactly 120 years
    expect(resolveBirthCentury(parsedFor('2006-07-03'), { today })).toEqual({ status: 'resolved', birthDate: '2006-07-03' });
  });

  it('accepts 29 February only in leap years of the candidate century', () => {
    // 1900 is not a leap year, 2000 is.
    expect(resolveBirthCentury(parsedRaw('00', 'B', '29'), { today })).toEqual({ status: 'resolved', birthDate: '2000-02-29' });
    expect(resolveBirthCentury(parsedRaw('24', 'B', '69'), { today })).toEqual({ status: 'ambiguous', candidates: ['1924-02-29', '2024-02-29'] });
    expect(resolveBirthCentury(parsedRaw('96', 'B', '29'), { today })).toEqual({ status: 'resolved', birthDate: '1996-02-29' });
    // Neither 1901 nor 2001 is a leap year: no candidate, the operator must say.
    expect(resolveBirthCentury(parsedRaw('01', 'B', '29'), { today })).toEqual({ status: 'ambiguous', candidates: [] });
  });

  it('lets an agreeing birth date (entered, else registry) settle the century', () => {
    const p = parsedFor('2020-03-15');
    expect(resolveBirthCentury(p, { birthDate: '1920-03-15', today })).toEqual({ status: 'resolved', birthDate: '1920-03-15' });
    expect(resolveBirthCentury(p, { registryBirthDate: '2020-03-15', today })).toEqual({ status: 'resolved', birthDate: '2020-03-15' });
    expect(resolveBirthCentury(p, { birthDate: null, registryBirthDate: '1920-03-15', today })).toEqual({ status: 'resolved', birthDate: '1920-03-15' });
    // An agreeing date is accepted even outside the automatic window (e.g. a historic record).
    expect(resolveBirthCentury(parsedFor('2005-03-10'), { birthDate: '1905-03-10', today })).toEqual({ status: 'resolved', birthDate: '1905-03-10' });
  });

  it('reports a mismatch with what the code says', () => {
    const p = parsedFor('1980-01-01', 'F');
    const expected = { month: 1, day: 1, year2: 80 };
    expect(resolveBirthCentury(p, { birthDate: '1981-01-01', today })).toEqual({ status: 'mismatch', expected });
    expect(resolveBirthCentury(p, { birthDate: '1980-02-01', today })).toEqual({ status: 'mismatch', expected });
    expect(resolveBirthCentury(p, { birthDate: '1980-01-02', today })).toEqual({ status: 'mismatch', expected });
    // The entered date wins over the registry's.
    expect(resolveBirthCentury(p, { birthDate: '1980-01-02', registryBirthDate: '1980-01-01', today }).status).toBe('mismatch');
  });

  it('treats a malformed date as not given and works on omocodic codes', () => {
    const p = parsedFor('2020-03-15');
    expect(resolveBirthCentury(p, { birthDate: '2020-02-30', today }).status).toBe('ambiguous');
    expect(resolveBirthCentury(p, { birthDate: '15/03/2020', today }).status).toBe('ambiguous');
    expect(resolveBirthCentury(p, { birthDate: '', today }).status).toBe('ambiguous');
    const code = computeFiscalCode({ surname: 'Rossi', name: 'Anna', sex: 'F', birthDate: '1975-10-31', birthPlaceCode: 'H501' });
    const omocodic = parseFiscalCode(omocodiaVariant(code, 7));
    expect(omocodic?.omocodic).toBe(true);
    expect(resolveBirthCentury(omocodic as ParsedFiscalCode, { today })).toEqual({ status: 'resolved', birthDate: '1975-10-31' });
  });

  it('needs a valid today', () => {
    expect(() => resolveBirthCentury(parsedFor('1980-01-01'), { today: 'oggi' })).toThrow(RangeError);
  });
});
