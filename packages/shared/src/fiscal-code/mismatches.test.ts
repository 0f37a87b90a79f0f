import { describe, expect, it } from 'vitest';
import { computeFiscalCode, fiscalCodeMismatches, omocodiaVariant } from './index.js';

const mario = { surname: 'Rossi', name: 'Mario', sex: 'M' as const, birthDate: '1980-01-01', birthPlaceBelfiore: 'H501' };

describe('fiscalCodeMismatches', () => {
  it('finds nothing when the data agree, also on omocodic codes and as typed', () => {
    expect(fiscalCodeMismatches('RSSMRA80A01H501U', mario)).toEqual([]);
    expect(fiscalCodeMismatches(omocodiaVariant('RSSMRA80A01H501U', 7), mario)).toEqual([]);
    expect(fiscalCodeMismatches(' rss mra 80a01 h501u', { ...mario, birthPlaceBelfiore: 'h501' })).toEqual([]);
    // The century is not in the code.
    expect(fiscalCodeMismatches('RSSMRA80A01H501U', { ...mario, birthDate: '2080-01-01' })).toEqual([]);
    // Accents and apostrophes are coded as their letters.
    const code = computeFiscalCode({ surname: "D'Angelo", name: 'Niccolò', sex: 'M', birthDate: '1990-05-05', birthPlaceCode: 'F839' });
    expect(fiscalCodeMismatches(code, { surname: 'DANGELO', name: 'Niccolo', sex: 'M' })).toEqual([]);
  });

  it('lists every disagreeing datum in field order', () => {
    expect(
      fiscalCodeMismatches('RSSMRA80A01H501U', { surname: 'Bianchi', name: 'Luigi', sex: 'F', birthDate: '1981-02-03', birthPlaceBelfiore: 'F205' }),
    ).toEqual([
      { field: 'surname', expected: 'RSS', actual: 'BNC' },
      { field: 'name', expected: 'MRA', actual: 'LGU' },
      { field: 'sex', expected: 'M', actual: 'F' },
      { field: 'birthDate', expected: '80-01-01', actual: '81-02-03' },
      { field: 'birthPlace', expected: 'H501', actual: 'F205' },
    ]);
  });

  it('reads the sex from the day without flagging the day (women add 40)', () => {
    const anna = computeFiscalCode({ surname: 'Rossi', name: 'Anna', sex: 'F', birthDate: '1980-01-01', birthPlaceCode: 'H501' });
    expect(anna.slice(9, 11)).toBe('41');
    expect(fiscalCodeMismatches(anna, { sex: 'F', birthDate: '1980-01-01' })).toEqual([]);
    expect(fiscalCodeMismatches(anna, { sex: 'M', birthDate: '1980-01-01' })).toEqual([{ field: 'sex', expected: 'F', actual: 'M' }]);
  });

  it('skips what cannot be compared', () => {
    expect(fiscalCodeMismatches('RSSMRA80A01H501U', {})).toEqual([]);
    expect(fiscalCodeMismatches('RSSMRA80A01H501U', { surname: null, name: '  ', sex: null, birthDate: null, birthPlaceBelfiore: null })).toEqual([]);
    expect(fiscalCodeMismatches('RSSMRA80A01H501U', { name: 'Иван', birthDate: '1980-02-30' })).toEqual([]);
    // An invalid code has no parts to compare (describeFiscalCode reports it).
    expect(fiscalCodeMismatches('RSSMRA80A01H501A', { surname: 'Bianchi' })).toEqual([]);
    expect(fiscalCodeMismatches('', { surname: 'Bianchi' })).toEqual([]);
  });
});
