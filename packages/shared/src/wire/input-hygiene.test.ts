import { describe, expect, it } from 'vitest';
import { fieldMessageText } from '../i18n/error-messages.js';
import { MAX_HYGIENE_ISSUES, MAX_INPUT_DEPTH, MAX_KEY_LENGTH, hasControlCharacters, inputHygieneIssues, plainText } from './input-hygiene.js';

describe('control characters', () => {
  it('refuses every C0 control except TAB, LF and CR, and DEL', () => {
    for (let c = 0; c < 0x20; c++) {
      const allowed = c === 0x09 || c === 0x0a || c === 0x0d;
      expect(hasControlCharacters(`a${String.fromCharCode(c)}b`), `U+${c.toString(16).padStart(4, '0')}`).toBe(!allowed);
    }
    expect(hasControlCharacters('a\u007fb')).toBe(true);
    // Printable text of every script stays, and so do the controls above DEL that are not C0.
    expect(hasControlCharacters('Nicolò D’Annunzio, «Perché?» — 日本 €')).toBe(false);
    expect(hasControlCharacters('riga 1\r\nriga 2\tfine')).toBe(false);
  });
});

describe('inputHygieneIssues', () => {
  it('reports the dotted path of each string with a control character', () => {
    const issues = inputHygieneIssues({
      surname: 'Ro\u0000ssi',
      name: 'Maria',
      sections: { access: { description: 'a\u0007b' } },
      members: [{ name: 'ok' }, { name: '\u001b[31m' }],
    });
    expect(issues).toEqual([
      { path: 'surname', message: 'carattere_di_controllo' },
      { path: 'sections.access.description', message: 'carattere_di_controllo' },
      { path: 'members.1.name', message: 'carattere_di_controllo' },
    ]);
  });

  it('reports a key with a control character, or too long, at its object without echoing it', () => {
    expect(inputHygieneIssues({ custom: { 'a\u0000b': 1 } })).toEqual([{ path: 'custom', message: 'nome_campo_non_valido' }]);
    expect(inputHygieneIssues({ ['k'.repeat(MAX_KEY_LENGTH + 1)]: 'x' })).toEqual([{ path: '', message: 'nome_campo_non_valido' }]);
    expect(inputHygieneIssues({ ['k'.repeat(MAX_KEY_LENGTH)]: 'x' })).toEqual([]);
  });

  it('refuses nesting beyond the limit, however deep, without recursion', () => {
    const nest = (levels: number) => JSON.parse('['.repeat(levels) + '1' + ']'.repeat(levels)) as unknown;
    expect(inputHygieneIssues(nest(MAX_INPUT_DEPTH))).toEqual([]);
    const issues = inputHygieneIssues(nest(MAX_INPUT_DEPTH + 1));
    expect(issues).toEqual([{ path: Array(MAX_INPUT_DEPTH).fill('0').join('.'), message: 'troppo_annidato' }]);
    expect(inputHygieneIssues({ x: nest(100_000) })).toHaveLength(1);
  });

  it('accepts ordinary input, numbers, booleans and nulls', () => {
    expect(inputHygieneIssues({ a: 1, b: true, c: null, d: ['x', { e: 'riga\nriga' }] })).toEqual([]);
    expect(inputHygieneIssues(undefined)).toEqual([]);
  });

  it('stops at a bounded number of issues', () => {
    expect(inputHygieneIssues(Array(10_000).fill('\u0000'))).toHaveLength(MAX_HYGIENE_ISSUES);
  });

  it('has an Italian and an English message for each issue', () => {
    for (const key of ['carattere_di_controllo', 'nome_campo_non_valido', 'troppo_annidato']) {
      expect(fieldMessageText(key, 'it'), key).toBeTruthy();
      expect(fieldMessageText(key, 'en'), key).toBeTruthy();
    }
  });
});

describe('plainText', () => {
  it('trims, bounds and refuses control characters', () => {
    expect(plainText(5).parse('  abc ')).toBe('abc');
    expect(plainText(5).safeParse('abcdef').success).toBe(false);
    const bad = plainText(50).safeParse('Ro\u0000ssi');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('carattere_di_controllo');
  });
});
