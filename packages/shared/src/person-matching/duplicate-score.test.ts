import { describe, expect, it } from 'vitest';
import { computeFiscalCode, omocodiaVariant } from '../fiscal-code/index.js';
import { DUPLICATE_RULES, duplicateScore, trigramSimilarity, type DuplicateScoreInput } from './index.js';

const person = (p: Partial<DuplicateScoreInput>): DuplicateScoreInput => ({
  fiscalCode: null,
  fiscalCodeKind: null,
  surname: 'Rossi',
  name: 'Mario',
  sex: 'M',
  birthDate: '1980-01-01',
  birthPlaceBelfiore: 'H501',
  ...p,
});
const MARIO_CF = 'RSSMRA80A01H501U';
const definitive = person({ fiscalCode: MARIO_CF, fiscalCodeKind: 'definitive' });
const temporary = (p: Partial<DuplicateScoreInput> = {}): DuplicateScoreInput =>
  person({ fiscalCode: 'TMP4KQ7Z2M9XV0NA', fiscalCodeKind: 'temporary', ...p });

/** Both orders give the same answer; returns it. */
function score(a: DuplicateScoreInput, b: DuplicateScoreInput) {
  const ab = duplicateScore(a, b);
  expect(duplicateScore(b, a)).toEqual(ab);
  return ab;
}

describe('duplicateScore: fiscal codes', () => {
  it('same definitive code → 1, whatever the other data', () => {
    expect(score(definitive, person({ fiscalCode: 'rss mra 80a01 h501u', fiscalCodeKind: 'definitive', surname: 'Verdi', birthDate: '1999-09-09' })))
      .toEqual({ score: 1, reasons: ['same_fiscal_code'] });
  });

  it('omocodic variants of the same base code → 0.97', () => {
    expect(score(definitive, person({ fiscalCode: omocodiaVariant(MARIO_CF, 1), fiscalCodeKind: 'definitive' })))
      .toEqual({ score: 0.97, reasons: ['omocodic_variant'] });
    expect(score(person({ fiscalCode: omocodiaVariant(MARIO_CF, 2), fiscalCodeKind: 'definitive' }), person({ fiscalCode: omocodiaVariant(MARIO_CF, 7), fiscalCodeKind: 'definitive' })).score)
      .toBe(0.97);
  });

  it('different definitive codes are never proposed, even with the same name and birth date', () => {
    const other = computeFiscalCode({ surname: 'Rossi', name: 'Mario', sex: 'M', birthDate: '1980-01-01', birthPlaceCode: 'F205' });
    expect(score(definitive, person({ fiscalCode: other, fiscalCodeKind: 'definitive' }))).toEqual({ score: 0, reasons: [] });
    // A stored code without its kind counts as definitive when it is a valid codice fiscale.
    expect(score(definitive, person({ fiscalCode: other }))).toEqual({ score: 0, reasons: [] });
    // A malformed definitive code differs too.
    expect(score(definitive, person({ fiscalCode: 'RSSMRA80A01H501X', fiscalCodeKind: 'definitive' })).score).toBe(0);
  });

  it('the same temporary, STP or ENI code → 1; different ones are no veto', () => {
    expect(score(temporary({ surname: 'Verdi' }), temporary({ birthDate: null }))).toEqual({ score: 1, reasons: ['same_fiscal_code'] });
    const stp = { fiscalCode: 'STP1201010000123', fiscalCodeKind: 'stp' as const };
    expect(score(person(stp), person({ ...stp, name: 'Luigi' })).score).toBe(1);
    expect(score(temporary(), temporary({ fiscalCode: 'TMP7MN3Q0Z2K4PRB' }))).toEqual({ score: 0.9, reasons: ['same_name_birth_date'] });
  });

  it("a temporary person whose data compute to the other's code → 0.95 (0.92 for the base of an omocodic code)", () => {
    expect(score(definitive, temporary({ surname: 'ROSSI ', name: 'mario' }))).toEqual({ score: 0.95, reasons: ['computed_fiscal_code', 'same_name_birth_date'] });
    // Rossini also codes RSS: the computed code matches while the names are only similar.
    const rossini = score(definitive, temporary({ surname: 'Rossini' }));
    expect(rossini.score).toBe(0.95);
    expect(rossini.reasons).toEqual(['computed_fiscal_code', 'similar_name_birth_date']);
    // Someone with no code at all is compared the same way.
    expect(score(definitive, person({ surname: 'Rossini' })).reasons[0]).toBe('computed_fiscal_code');
    const omocodic = person({ fiscalCode: omocodiaVariant(MARIO_CF, 1), fiscalCodeKind: 'definitive', surname: 'Rossini' });
    expect(score(omocodic, temporary({ surname: 'Rossini' })).score).toBe(0.92);
    // Without the birthplace the code cannot be computed.
    expect(score(definitive, temporary({ surname: 'Rossini', birthPlaceBelfiore: null })).reasons).toEqual(['similar_name_birth_date']);
  });
});

describe('duplicateScore: names and birth date', () => {
  it('identical normalised names and the same birth date → 0.9', () => {
    expect(score(person({ surname: "D'Angelo", name: 'Niccolò' }), person({ surname: 'DANGELO', name: 'niccolo ' })))
      .toEqual({ score: 0.9, reasons: ['same_name_birth_date'] });
  });

  it('surname and name swapped, or split differently → 0.85', () => {
    expect(score(person({}), person({ surname: 'Mario', name: 'Rossi' }))).toEqual({ score: 0.85, reasons: ['swapped_names'] });
    expect(score(person({ surname: 'De Luca', name: 'Anna Maria', sex: 'F' }), person({ surname: 'De Luca Anna', name: 'Maria', sex: 'F' })))
      .toEqual({ score: 0.85, reasons: ['swapped_names'] });
  });

  it('trigram-similar surname and name (each ≥ 0.5) → 0.6–0.85 by similarity', () => {
    const s = trigramSimilarity('rossi', 'rosi'); // 4/7
    const expected = Math.round((0.6 + (0.25 * ((s + 1) / 2 - 0.5)) / 0.5) * 1000) / 1000;
    expect(expected).toBe(0.743);
    expect(score(person({}), person({ surname: 'Rosi' }))).toEqual({ score: expected, reasons: ['similar_name_birth_date'] });
    // Typos in both, and across (surname typed as name).
    const both = score(person({ surname: 'Esposito', name: 'Giuseppe' }), person({ surname: 'Esposto', name: 'Giusepe' }));
    expect(both.reasons).toEqual(['similar_name_birth_date']);
    expect(both.score).toBeGreaterThanOrEqual(DUPLICATE_RULES.similarMin);
    expect(both.score).toBeLessThanOrEqual(DUPLICATE_RULES.similarMax);
    expect(score(person({ surname: 'Esposito', name: 'Giuseppe' }), person({ surname: 'Giusepe', name: 'Esposito' })).reasons).toEqual(['similar_name_birth_date']);
    // One name similar, the other not: nothing.
    expect(score(person({}), person({ surname: 'Rosi', name: 'Luigi' }))).toEqual({ score: 0, reasons: [] });
    expect(score(person({}), person({ surname: 'Bianchi' }))).toEqual({ score: 0, reasons: [] });
  });

  it('an alias matching the other name or alias → 0.8', () => {
    const married = person({ surname: 'Bianchi', name: 'Maria', sex: 'F', aliases: [{ surname: 'Rossi', name: null }] });
    expect(score(married, person({ surname: 'Rossi', name: 'Maria', sex: 'F' }))).toEqual({ score: 0.8, reasons: ['alias_match'] });
    const known = person({ surname: 'Verdi', name: 'Gino', aliases: [{ surname: 'Ferri', name: 'Nino' }] });
    expect(score(known, person({ surname: 'Neri', name: 'Ugo', aliases: [{ surname: 'ferri', name: 'NINO' }] })).reasons).toEqual(['alias_match']);
    expect(score(known, person({ surname: 'Nino', name: 'Ferri' })).reasons).toEqual(['alias_match']);
    // Alias and identical names together: the higher rule leads.
    expect(score(known, person({ surname: 'Verdi', name: 'Gino', aliases: [{ surname: 'Ferri', name: 'Nino' }] })))
      .toEqual({ score: 0.9, reasons: ['same_name_birth_date', 'alias_match'] });
  });
});

describe('duplicateScore: vetoes and penalties', () => {
  it('different or unknown birth dates give no name-based proposal', () => {
    expect(score(person({}), person({ birthDate: '1980-01-02' }))).toEqual({ score: 0, reasons: [] });
    expect(score(person({}), person({ birthDate: null }))).toEqual({ score: 0, reasons: [] });
    expect(score(person({ birthDate: null }), person({ birthDate: null }))).toEqual({ score: 0, reasons: [] });
    expect(score(temporary(), definitive)).toEqual({ score: 0.95, reasons: ['computed_fiscal_code', 'same_name_birth_date'] });
    expect(score(temporary({ birthDate: '1980-01-02' }), definitive)).toEqual({ score: 0, reasons: [] });
  });

  it('a different sex halves, a different birthplace lowers by 15 %', () => {
    expect(score(person({}), person({ sex: 'F' }))).toEqual({ score: 0.45, reasons: ['same_name_birth_date'] });
    expect(score(person({}), person({ birthPlaceBelfiore: 'F205' }))).toEqual({ score: 0.765, reasons: ['same_name_birth_date'] });
    expect(score(person({}), person({ surname: 'Mario', name: 'Rossi', sex: 'F', birthPlaceBelfiore: 'F205' })).score).toBe(0.361);
    // Unknown sex or birthplace is no penalty.
    expect(score(person({ sex: null, birthPlaceBelfiore: null }), person({})).score).toBe(0.9);
  });

  it('anonymous people without names are not proposed', () => {
    const anonymous = person({ surname: null, name: null, sex: null });
    expect(score(anonymous, anonymous)).toEqual({ score: 0, reasons: [] });
    expect(score(anonymous, person({}))).toEqual({ score: 0, reasons: [] });
  });
});
