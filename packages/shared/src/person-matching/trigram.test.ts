import { describe, expect, it } from 'vitest';
import { trigramSimilarity, trigrams } from './index.js';

/**
 * Expected values computed by hand below and checked against PostgreSQL 18 (PGlite) pg_trgm:
 * `SELECT similarity(a, b)` printed 0.36363637, 0.5714286, 1, 1, 1, 0.375, 0, 0.6 for the pairs used here.
 */
describe('trigramSimilarity (pg_trgm similarity)', () => {
  it('builds the trigrams of each word padded with two blanks in front and one behind', () => {
    expect([...trigrams('word')].sort()).toEqual(['  w', ' wo', 'ord', 'rd ', 'wor']);
    expect([...trigrams('A')].sort()).toEqual(['  a', ' a ']);
    expect(trigrams('').size).toBe(0);
    expect(trigrams(' -- ').size).toBe(0);
  });

  it("similarity('rossi', 'rosi') = 4/7", () => {
    // rossi: "  r", " ro", "ros", "oss", "ssi", "si "   (6)
    // rosi:  "  r", " ro", "ros", "osi", "si "          (5)
    // shared "  r", " ro", "ros", "si " = 4; union 6 + 5 − 4 = 7 → 4/7 = 0.5714286 (float4)
    expect(trigramSimilarity('rossi', 'rosi')).toBe(Math.fround(4 / 7));
    expect(trigramSimilarity('rossi', 'rosi')).toBeCloseTo(0.5714286, 7);
  });

  it("similarity('word', 'two words') = 4/11 (PostgreSQL documentation example)", () => {
    // word: "  w", " wo", "wor", "ord", "rd "                                   (5)
    // two words: "  t", " tw", "two", "wo " + "  w", " wo", "wor", "ord", "rds", "ds "  (10)
    // shared "  w", " wo", "wor", "ord" = 4; union 5 + 10 − 4 = 11 → 0.36363637
    expect(trigramSimilarity('word', 'two words')).toBe(Math.fround(4 / 11));
    expect(trigramSimilarity('two words', 'word')).toBe(Math.fround(4 / 11));
  });

  it('splits words at non-alphanumerics, ignores case and word order, counts each trigram once', () => {
    expect(trigramSimilarity('a_b', 'a b')).toBe(1); // "_" separates words, as in PostgreSQL
    expect(trigramSimilarity('DE LUCA', 'de-luca')).toBe(1);
    expect(trigramSimilarity('mario rossi', 'rossi mario')).toBe(1);
    expect(trigramSimilarity('anna anna', 'anna')).toBe(1);
    // ab12: "  a", " ab", "ab1", "b12", "12 " (5); "ab 12": "  a", " ab", "ab ", "  1", " 12", "12 " (6);
    // shared 3, union 8 → 0.375
    expect(trigramSimilarity('ab12', 'ab 12')).toBe(0.375);
    // niccolò (a letter in a UTF-8 database): 8 trigrams, niccolo 8, shared 6 → 6/10
    expect(trigramSimilarity('niccolò', 'niccolo')).toBe(Math.fround(0.6));
  });

  it('is 0 when either side has no trigram', () => {
    expect(trigramSimilarity('', 'abc')).toBe(0);
    expect(trigramSimilarity('  ', '  ')).toBe(0);
    expect(trigramSimilarity('rossi', 'bianchi')).toBe(0);
  });
});
