import { describe, expect, it } from 'vitest';
import { missingSections } from './missing-sections.js';

const general = ['access', 'interlocutor', 'user', 'needs', 'outcome'] as const;

describe('missingSections', () => {
  it('lists every mandatory section of an empty scheda with the fields to fill', () => {
    expect(missingSections(general, {})).toEqual([
      { section: 'access', fields: ['date', 'mode', 'reason'] },
      { section: 'interlocutor', fields: ['type'] },
      { section: 'user', fields: ['personId'] },
      { section: 'needs', fields: ['codes'] },
      { section: 'outcome', fields: ['type'] },
    ]);
  });

  it('is empty when the mandatory sections are filled', () => {
    expect(
      missingSections(general, {
        access: { date: '2026-01-10', mode: 'in_person', reason: 'spontaneous' },
        interlocutor: { type: 'user' },
        personId: 'p1',
        needs: { codes: ['B01'] },
        outcome: { type: 'information' },
      }),
    ).toEqual([]);
  });

  it('needs who sent the person, the surname of an interlocutor other than the user, and blank text counts as empty', () => {
    expect(
      missingSections(['access', 'interlocutor'], {
        access: { date: '2026-01-10', mode: 'email', reason: 'sent_by', sentByText: '  ' },
        interlocutor: { type: 'relative' },
      }),
    ).toEqual([
      { section: 'access', fields: ['sentByOfficeId'] },
      { section: 'interlocutor', fields: ['surname'] },
    ]);
    expect(missingSections(['access'], { access: { date: '2026-01-10', mode: 'email', reason: 'sent_by', sentByText: 'Centro per l’impiego' } })).toEqual([]);
  });

  it('asks a proposal to take charge for a social category and a person even where outcome and user are not mandatory', () => {
    expect(missingSections(['access'], { access: { date: '2026-01-10', mode: 'in_person', reason: 'summoned' }, outcome: { type: 'take_charge_proposal' } })).toEqual([
      { section: 'outcome', fields: ['socialCategory'] },
      { section: 'user', fields: ['personId'] },
    ]);
  });

  it('checks the optional sections when a desk requires them, and required custom fields always', () => {
    expect(missingSections(['references', 'social', 'foreigner', 'services'], { social: { household: '' }, foreigner: { permitType: 'LAV' }, services: { deskInterventions: [] } }, ['isee'])).toEqual([
      { section: 'references', fields: ['references'] },
      { section: 'social', fields: ['social'] },
      { section: 'foreigner', fields: ['permitStatus'] },
      { section: 'services', fields: ['requested'] },
      { section: 'custom', fields: ['isee'] },
    ]);
    expect(missingSections(['services', 'social'], { services: { requested: ['UDC79'] }, social: { invalidityPercent: 0 }, custom: { isee: 12 } }, ['isee'])).toEqual([]);
  });
});
