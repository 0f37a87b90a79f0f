import { describe, expect, it } from 'vitest';
import { computeFiscalCode, omocodiaVariant } from '@siso/shared';
import { decodeFiscalCode, fiscalCodeDisagreements, prefillFromFiscalCode } from './fiscalCodePrefill';

const today = '2026-05-01';
const rossi = computeFiscalCode({ surname: 'Rossi', name: 'Mario', sex: 'M', birthDate: '1980-01-01', birthPlaceCode: 'H501' });
const bianchi = computeFiscalCode({ surname: 'Bianchi', name: 'Anna', sex: 'F', birthDate: '2010-03-15', birthPlaceCode: 'C745' });
const popescu = computeFiscalCode({ surname: 'Popescu', name: 'Ion', sex: 'M', birthDate: '1975-07-20', birthPlaceCode: 'Z129' });
const empty = { sex: '' as const, birthDate: '' };

describe('decodeFiscalCode', () => {
  it('tells empty, incomplete and invalid codes apart', () => {
    expect(decodeFiscalCode('', today).status).toBe('empty');
    expect(decodeFiscalCode('RSSMRA80', today).status).toBe('incomplete');
    expect(decodeFiscalCode(rossi.slice(0, 15) + (rossi.endsWith('A') ? 'B' : 'A'), today)).toMatchObject({ status: 'invalid', problems: ['check_character'] });
  });

  it('decodes sex, birth date and birthplace, ignoring blanks and case', () => {
    const d = decodeFiscalCode(` ${rossi.slice(0, 6).toLowerCase()} ${rossi.slice(6)} `, today);
    expect(d).toMatchObject({ status: 'valid', code: rossi, sex: 'M', birthDates: ['1980-01-01'], placeCode: 'H501', foreign: false, omocodic: false });
  });

  it('reads a woman’s day (+40) and a foreign birthplace (Z-code)', () => {
    expect(decodeFiscalCode(bianchi, today)).toMatchObject({ sex: 'F', placeCode: 'C745' });
    expect(decodeFiscalCode(popescu, today)).toMatchObject({ sex: 'M', placeCode: 'Z129', foreign: true, birthDates: ['1975-07-20'] });
  });

  it('decodes omocodic codes through their base form', () => {
    const omo = omocodiaVariant(rossi, 2);
    expect(decodeFiscalCode(omo, today)).toMatchObject({ status: 'valid', omocodic: true, birthDates: ['1980-01-01'], placeCode: 'H501' });
  });
});

describe('birth date readings', () => {
  const code = (birthDate: string) => computeFiscalCode({ surname: 'Neri', name: 'Luca', sex: 'M', birthDate, birthPlaceCode: 'G478' });
  const dates = (birthDate: string) => decodeFiscalCode(code(birthDate), today).birthDates;

  it('keeps one century when the other is in the future or beyond 120 years', () => {
    expect(dates('1980-01-01')).toEqual(['1980-01-01']);
    expect(dates('2005-04-02')).toEqual(['2005-04-02']); // 1905 is more than 120 years ago
  });

  it('offers both readings when both are plausible', () => {
    expect(dates('2010-03-15')).toEqual(['1910-03-15', '2010-03-15']);
  });

  it('drops a 29 February that did not exist in that century', () => {
    expect(dates('2000-02-29')).toEqual(['2000-02-29']); // 1900 was not a leap year
  });

  it('does not offer a date later than today', () => {
    expect(dates('1926-12-31')).toEqual(['1926-12-31']);
  });
});

describe('prefillFromFiscalCode', () => {
  it('fills sex and birth date when they are empty', () => {
    expect(prefillFromFiscalCode(decodeFiscalCode(rossi, today), empty)).toEqual({ sex: 'M', birthDate: '1980-01-01', askCentury: [] });
  });

  it('asks the century when the code leaves it open and no date is entered', () => {
    expect(prefillFromFiscalCode(decodeFiscalCode(bianchi, today), empty)).toEqual({ sex: 'F', askCentury: ['1910-03-15', '2010-03-15'] });
  });

  it('never overwrites what the operator typed', () => {
    expect(prefillFromFiscalCode(decodeFiscalCode(bianchi, today), { sex: 'M', birthDate: '2010-03-15' })).toEqual({ askCentury: [] });
  });

  it('fills nothing from an invalid code', () => {
    expect(prefillFromFiscalCode(decodeFiscalCode('RSSMRA80A01H501X', today), empty)).toEqual({ askCentury: [] });
  });
});

describe('fiscalCodeDisagreements', () => {
  const data = { surname: 'Rossi', name: 'Mario', sex: 'M' as const, birthDate: '1980-01-01', birthPlaceCode: 'H501' };

  it('is empty when the entered data match the code (accents and case ignored)', () => {
    expect(fiscalCodeDisagreements(rossi, { ...data, surname: 'ROSSÌ' })).toEqual([]);
  });

  it('names each field that disagrees', () => {
    expect(fiscalCodeDisagreements(rossi, { surname: 'Verdi', name: 'Mario', sex: 'F', birthDate: '1980-01-02', birthPlaceCode: 'F205' })).toEqual(['surname', 'sex', 'birthDate', 'birthPlace']);
  });

  it('compares only the two year digits (the century is not in the code) and skips empty fields', () => {
    expect(fiscalCodeDisagreements(rossi, { surname: '', name: '', sex: '', birthDate: '2080-01-01', birthPlaceCode: null })).toEqual([]);
  });

  it('compares an omocodic code through its base form', () => {
    expect(fiscalCodeDisagreements(omocodiaVariant(rossi, 7), data)).toEqual([]);
  });
});
