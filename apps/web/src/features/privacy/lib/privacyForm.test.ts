import { describe, expect, it } from 'vitest';
import { emptyPrivacyForm, privacyInput, privacyIssues } from './privacyForm';

const personId = '11111111-1111-4111-8111-111111111111';

describe('privacy form', () => {
  it('sends the notice signed by the person and only the consents answered', () => {
    const s = { ...emptyPrivacyForm('2026-11-28'), consents: { newsletter: 'yes' as const, survey: 'no' as const, photos: 'unset' as const } };
    expect(privacyInput(personId, s, {})).toEqual({
      personId,
      notice: { signerKind: 'self', representative: null, givenOn: '2026-11-28', mode: 'in_person' },
      consents: [
        { signerKind: 'self', representative: null, type: 'newsletter', given: true, givenOn: '2026-11-28' },
        { signerKind: 'self', representative: null, type: 'survey', given: false, givenOn: '2026-11-28' },
      ],
    });
  });

  it('names the representative and carries the signed document and the scheda', () => {
    const s = { ...emptyPrivacyForm('2026-11-28'), signerKind: 'tutore' as const, repSurname: ' Rossi ', repName: 'Mario', repAppointment: 'Trib. Perugia 12/2025' };
    const doc = { filename: 'informativa.pdf', mediaType: 'application/pdf', contentBase64: 'JVBERi0=' };
    const input = privacyInput(personId, s, { intakeId: '22222222-2222-4222-8222-222222222222', document: doc });
    expect(input.intakeId).toBe('22222222-2222-4222-8222-222222222222');
    expect(input.notice).toEqual({
      signerKind: 'tutore',
      representative: { surname: 'Rossi', name: 'Mario', fiscalCode: null, appointment: 'Trib. Perugia 12/2025' },
      givenOn: '2026-11-28',
      mode: 'in_person',
      document: doc,
    });
  });

  it('leaves the notice out when only consents are recorded', () => {
    const s = { ...emptyPrivacyForm('2026-11-28'), recordNotice: false, consents: { a: 'no' as const } };
    expect(privacyInput(personId, s, {}).notice).toBeUndefined();
  });

  it('asks for something to record, a date not in the future and the representative name', () => {
    const s = { ...emptyPrivacyForm('2026-11-28'), recordNotice: false, givenOn: '2026-12-01', signerKind: 'parent' as const };
    expect(privacyIssues(s, '2026-11-28')).toEqual([
      { path: 'consents', code: 'nothing' },
      { path: 'givenOn', code: 'future' },
      { path: 'repSurname', code: 'required' },
      { path: 'repName', code: 'required' },
    ]);
    expect(privacyIssues(emptyPrivacyForm('2026-11-28'), '2026-11-28')).toEqual([]);
  });
});
