import { describe, expect, it } from 'vitest';
import type { PersonSummary } from '@siso/shared';
import { personLabel } from './personLabel';

const words = { anonymous: 'Utente anonimo', masked: 'Riservato' };
const base: PersonSummary = { id: '11111111-1111-4111-8111-111111111111', anonymousCode: null, fiscalCode: null, fiscalCodeKind: null, surname: 'Rossi', name: 'Maria', birthDate: null, enteName: 'Comune', deceased: false, version: 1 };

describe('personLabel', () => {
  it('reads surname and name', () => expect(personLabel(base, words)).toBe('Rossi Maria'));
  it('says Riservato for a masked name', () => expect(personLabel({ ...base, surname: { masked: true } }, words)).toBe('Riservato'));
  it('gives the anonymous code, or anonymous with no person', () => {
    expect(personLabel({ ...base, surname: null, name: null, anonymousCode: 'ANON-0001' }, words)).toBe('Utente anonimo ANON-0001');
    expect(personLabel(null, words)).toBe('Utente anonimo');
  });
});
