import { describe, expect, it } from 'vitest';
import { isMinorOn, signatureProblems } from './check-signature.js';

const rep = { surname: 'Rossi', name: 'Maria' };

describe('majority (c.c. art. 2)', () => {
  it('is reached on the eighteenth birthday', () => {
    expect(isMinorOn('2008-06-15', '2026-06-14')).toBe(true);
    expect(isMinorOn('2008-06-15', '2026-06-15')).toBe(false);
    expect(isMinorOn('2008-02-29', '2026-02-28')).toBe(true);
    expect(isMinorOn('2008-02-29', '2026-03-01')).toBe(false);
    expect(isMinorOn(null, '2026-01-01')).toBe(false);
  });
});

describe('who signs', () => {
  it('a representative is named exactly when someone signs for the person', () => {
    expect(signatureProblems({ signerKind: 'self' }, 'notice', '1980-01-01', '2026-01-01')).toEqual([]);
    expect(signatureProblems({ signerKind: 'tutore' }, 'notice', '1980-01-01', '2026-01-01')).toEqual([{ path: 'notice.representative', message: 'rappresentante_richiesto' }]);
    expect(signatureProblems({ signerKind: 'self', representative: rep }, 'consents.0', '1980-01-01', '2026-01-01')).toEqual([
      { path: 'consents.0.representative', message: 'rappresentante_non_previsto' },
    ]);
    expect(signatureProblems({ signerKind: 'amministratore_sostegno', representative: rep }, 'notice', '1950-01-01', '2026-01-01')).toEqual([]);
  });

  it('a minor signs through a parent or the tutore (c.c. art. 316, 357)', () => {
    expect(signatureProblems({ signerKind: 'self' }, 'notice', '2015-01-01', '2026-01-01')).toEqual([{ path: 'notice.signerKind', message: 'minore_firma_rappresentante' }]);
    expect(signatureProblems({ signerKind: 'curatore', representative: rep }, 'notice', '2015-01-01', '2026-01-01')).toEqual([{ path: 'notice.signerKind', message: 'minore_firma_rappresentante' }]);
    expect(signatureProblems({ signerKind: 'parent', representative: rep }, 'notice', '2015-01-01', '2026-01-01')).toEqual([]);
    expect(signatureProblems({ signerKind: 'tutore', representative: rep }, 'notice', '2015-01-01', '2026-01-01')).toEqual([]);
  });
});
