import { describe, expect, it } from 'vitest';
import { Rng } from '../synthetic/rng.js';
import { checkCharacter, describeFiscalCode, generateTemporaryFiscalCode, isValidFiscalCode, omocodiaVariant, parseFiscalCode } from './index.js';

const withCheck = (first15: string): string => first15 + checkCharacter(first15);

describe('describeFiscalCode', () => {
  it('decodes a valid code like parseFiscalCode, with the kind of birthplace', () => {
    const d = describeFiscalCode(' rss mra 80a01 h501u ');
    expect(d).toEqual({ ...parseFiscalCode('RSSMRA80A01H501U'), valid: true, birthPlaceKind: 'comune', problems: [] });
    const foreign = describeFiscalCode(withCheck('KMRFTM90E55Z330'));
    expect(foreign.valid && [foreign.birthPlaceKind, foreign.sex, foreign.birthDay]).toEqual(['foreign_state', 'F', 15]);
    const omocodic = describeFiscalCode(omocodiaVariant('RSSMRA80A01H501U', 3));
    expect(omocodic.valid && [omocodic.omocodic, omocodic.baseCode, omocodic.birthPlaceCode]).toEqual([true, 'RSSMRA80A01H501U', 'H501']);
    // The century is unknown: 29 February is accepted.
    expect(describeFiscalCode(withCheck('RSSMRA01B29H501')).valid).toBe(true);
    expect(describeFiscalCode(withCheck('RSSMRA80A3MH501')).valid).toBe(true); // omocodic 31 January
  });

  it('says why a code is not valid', () => {
    const cases: Array<[string, string[]]> = [
      ['RSSMRA80A01H501A', ['check_character']],
      [withCheck('RSSMRA80F01H501'), ['month_letter']], // F is no month
      [withCheck('RSSMRA80101H501'), ['month_letter']], // a digit in the month position
      ['RSSMRA80F01H501U', ['month_letter', 'check_character']],
      [withCheck('RSSMRA80A32H501'), ['day']],
      [withCheck('RSSMRA80A00H501'), ['day']],
      [withCheck('RSSMRA80A40H501'), ['day']], // neither a man's (1–31) nor a woman's (41–71) day
      [withCheck('RSSMRA80A72H501'), ['day']],
      [withCheck('RSSMRA80B30H501'), ['day']], // 30 February
      [withCheck('RSSMRA80D71H501'), ['day']], // 31 April, woman
      [withCheck('RSSMRA80D3MH501'), ['day']], // omocodic 31 ("3M"), in April
      [withCheck('1SSMRA80A01H501'), ['format']],
      [withCheck('RSSMRA80A01H5A1'), ['format']], // A is not an omocodia letter
      [withCheck('RSSMRA80A01150M'), ['format']], // the place starts with a letter
      [withCheck('RSSMRA8KF01H501'), ['format', 'month_letter']],
      ['RSSMRA80A01H501', ['length']],
      ['', ['length']],
      ['RSS-MRA', ['length', 'characters']],
      ['RSSMRA80A01H501-', ['characters']],
      ['RSSMRA80A01H5Ò1U', ['characters']],
    ];
    for (const [code, problems] of cases) {
      const d = describeFiscalCode(code);
      expect(d.valid, code).toBe(false);
      expect(d.problems, code).toEqual(problems);
    }
  });

  it('does not take a temporary code for a fiscal code', () => {
    const rng = new Rng(1);
    const d = describeFiscalCode(generateTemporaryFiscalCode(() => rng.next()));
    expect(d.valid).toBe(false);
    expect(d.problems).toContain('format');
  });

  it('is valid exactly when isValidFiscalCode is, with problems exactly when invalid', () => {
    const rng = new Rng(5);
    const chars = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (let i = 0; i < 3000; i++) {
      const base = omocodiaVariant('BNCLRA85T45F205Q', rng.int(1, 7));
      const pos = rng.int(0, 15);
      const code = base.slice(0, pos) + chars.charAt(rng.int(0, 35)) + base.slice(pos + 1);
      const d = describeFiscalCode(code);
      expect(d.valid, code).toBe(isValidFiscalCode(code));
      expect(d.problems.length === 0, code).toBe(d.valid);
    }
  });
});
