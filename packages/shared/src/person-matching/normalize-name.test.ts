import { describe, expect, it } from 'vitest';
import { nameTokens, normalizeName } from './index.js';

describe('normalizeName', () => {
  it('folds accents, case, apostrophes, dots, hyphens and blanks', () => {
    const cases: Array<[string | null | undefined, string]> = [
      ["D'Angelo", 'dangelo'],
      ['D’Angelo', 'dangelo'],
      ["Dell'Acqua", 'dellacqua'],
      ['Niccolò', 'niccolo'],
      ['NICCOLO\u0300', 'niccolo'], // already decomposed
      ['  De-Luca   Rossi ', 'de luca rossi'],
      ['Ştefănescu Țurcanu', 'stefanescu turcanu'],
      ['Çela', 'cela'],
      ['Ølsen Łukasz', 'olsen lukasz'],
      ['Groß', 'gross'],
      ['İpek Yıldız', 'ipek yildiz'],
      ['Æsir Œuvre', 'aesir oeuvre'],
      ['S.Anna', 'sanna'],
      ['J.R.R. Tolkien', 'jrr tolkien'],
      ['Jean-Paul, II', 'jean paul ii'],
      ['Rossi/Bianchi (detta)', 'rossi bianchi detta'],
      ['Иванов', 'иванов'],
      ['李 小龙', '李 小龙'],
      ['Mario\tRossi\n', 'mario rossi'],
      ["'-. ", ''],
      ['', ''],
      [null, ''],
      [undefined, ''],
    ];
    for (const [input, expected] of cases) expect(normalizeName(input), String(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const s of ["D'Angelo", 'De-Luca  Rossi', 'Ştefănescu', 'Groß', 'İpek', 'J.R.R. Tolkien']) {
      expect(normalizeName(normalizeName(s))).toBe(normalizeName(s));
    }
  });
});

describe('nameTokens', () => {
  it('splits a free query into normalised words', () => {
    expect(nameTokens('Rossi  Mario-Luigi')).toEqual(['rossi', 'mario', 'luigi']);
    expect(nameTokens("d'angelo NICCOLÒ")).toEqual(['dangelo', 'niccolo']);
    expect(nameTokens('  ')).toEqual([]);
    expect(nameTokens(null)).toEqual([]);
  });
});
