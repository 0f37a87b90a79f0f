import { describe, expect, it } from 'vitest';
import type { DeskView } from '@siso/shared';
import { deskConfigInput, deskConfigState, toggle } from './deskConfigForm';

const desk: DeskView = {
  officeId: '11111111-1111-4111-8111-111111111111', officeName: 'Sportello', officeType: 'sportello_accoglienza', officeEmail: null,
  enteId: '22222222-2222-4222-8222-222222222222', enteName: 'Comune', ambitoId: null, ambitoName: null,
  kind: 'general', thematicCode: null, mandatorySections: ['access', 'outcome'], excludedProfiles: ['dpo'], readableClasses: null,
  proposalTarget: 'ente', privacyPerDesk: false, emailSubject: null, emailBody: null, accessPoints: [], contactPoints: [], configured: false, version: null, abilities: [],
};

describe('desk configuration form', () => {
  it('round-trips a desk with the defaults (masking of the office type: null)', () => {
    const input = deskConfigInput(deskConfigState(desk), desk.officeId, desk.version);
    expect(input).toEqual({
      officeId: desk.officeId, version: null, kind: 'general', thematicCode: null, mandatorySections: ['access', 'outcome'], excludedProfiles: ['dpo'],
      readableClasses: null, proposalTarget: 'ente', privacyPerDesk: false, emailSubject: null, emailBody: null, accessPoints: [],
    });
  });

  it('sends the thematic code only for a thematic desk, and the chosen classes for a custom masking', () => {
    const s = { ...deskConfigState(desk), kind: 'thematic' as const, thematicCode: ' adi ', masking: 'custom' as const, readableClasses: ['public' as const], emailSubject: ' Scheda {{number}} ' };
    const input = deskConfigInput(s, desk.officeId, 3);
    expect([input.thematicCode, input.readableClasses, input.emailSubject, input.version]).toEqual(['adi', ['public'], 'Scheda {{number}}', 3]);
    expect(deskConfigInput({ ...s, kind: 'general' }, desk.officeId, 3).thematicCode).toBeNull();
  });

  it('toggles a choice keeping the reference order', () => {
    const order = ['access', 'interlocutor', 'user', 'outcome'] as const;
    expect(toggle(['outcome'], 'access', true, order)).toEqual(['access', 'outcome']);
    expect(toggle(['access', 'outcome'], 'access', false, order)).toEqual(['outcome']);
    expect(toggle(['a'], 'a', true)).toEqual(['a']);
  });
});
