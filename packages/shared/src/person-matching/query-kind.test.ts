import { describe, expect, it } from 'vitest';
import { Rng } from '../synthetic/rng.js';
import { generateTemporaryFiscalCode, omocodiaVariant } from '../fiscal-code/index.js';
import { looksLikeFiscalCode, looksLikePartialFiscalCode } from './index.js';

const rng = new Rng(4);
const temporary = generateTemporaryFiscalCode(() => rng.next());

describe('looksLikeFiscalCode', () => {
  it('accepts whole codes as typed, temporary codes, and codes with a wrong check character', () => {
    for (const q of ['RSSMRA80A01H501U', 'rss mra 80a01 h501u', omocodiaVariant('RSSMRA80A01H501U', 7), 'RSSMRA80A01H501A', temporary, temporary.toLowerCase()]) {
      expect(looksLikeFiscalCode(q), q).toBe(true);
    }
  });

  it('rejects names, partial codes and other identifiers', () => {
    for (const q of ['Rossi Mario', 'RSSMRA80A01H501', 'RSSMRA80A01H501UX', 'RSSMRA80F01H501U', 'STP1201010000123', 'ANON-7K3M9Q2Z', '']) {
      expect(looksLikeFiscalCode(q), q).toBe(false);
    }
  });
});

describe('looksLikePartialFiscalCode', () => {
  it('accepts 6 to 15 leading characters of a code', () => {
    for (const q of ['RSSMRA', 'rssmra80', 'RSS MRA 80A', 'RSSMRA80A01H50', 'RSSMRA80A01H501', 'FOXLAX', 'BNCLRA8', omocodiaVariant('RSSMRA80A01H501U', 7).slice(0, 12), temporary.slice(0, 8)]) {
      expect(looksLikePartialFiscalCode(q), q).toBe(true);
    }
  });

  it('rejects names, too short or too long queries and impossible prefixes', () => {
    for (const q of ['Rossi', 'Romano', 'Bianchi', 'Mario Rossi', 'Esposito', 'RSSMRA80A01H501U', 'RSSMR', 'RSSMRA8A', 'RSSMRA80F', '1SSMRA80', '']) {
      expect(looksLikePartialFiscalCode(q), q).toBe(false);
    }
  });
});
