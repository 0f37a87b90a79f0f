import { describe, expect, it } from 'vitest';
import type { HouseholdGroupView } from '@siso/shared';
import { draftsFromGroup, emptyMember, memberInput, validateMembers } from './household';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const group: HouseholdGroupView = {
  id: id(1), kind: 'household', livesAlone: false, hiddenMembers: 1, version: 2, abilities: ['households.update'],
  members: [
    {
      id: id(2), person: { id: id(3), anonymousCode: null, fiscalCode: 'X', fiscalCodeKind: 'definitive', surname: 'ROSSI', name: 'LUCA', birthDate: '2012-01-01', enteName: 'Comune', deceased: false, version: 0 },
      displayName: null, relationship: '3', relationshipLabel: 'Figlio / Figlia', cohabiting: true, parentalResponsibility: false, availability: null,
      contact: { masked: true }, note: 'scuola media', validFrom: '2012-01-01', validTo: null, source: 'manual',
    },
    {
      id: id(4), person: null, displayName: 'Zia Carla', relationship: '28', relationshipLabel: null, cohabiting: false, parentalResponsibility: false,
      availability: 'partial', contact: '3331112222', note: null, validFrom: null, validTo: null, source: 'manual',
    },
  ],
};

describe('household editor drafts', () => {
  it('round-trips members, leaving out what arrived masked', () => {
    const drafts = draftsFromGroup(group, 'Riservato');
    expect(drafts[0]).toMatchObject({ personId: id(3), personLabel: 'ROSSI LUCA', masked: ['contact'] });
    expect(drafts.map(memberInput)).toEqual([
      { personId: id(3), relationship: '3', cohabiting: true, parentalResponsibility: false, availability: null, note: 'scuola media', validFrom: '2012-01-01', validTo: null },
      { personId: null, displayName: 'Zia Carla', relationship: '28', cohabiting: false, parentalResponsibility: false, availability: 'partial', contact: '3331112222', note: null, validFrom: null, validTo: null },
    ]);
  });

  it('needs a relationship for everyone and a name for members not in the registry', () => {
    expect(validateMembers([emptyMember({ personId: null }), { ...emptyMember({ personId: id(5) }), relationship: '3', validFrom: '2020-01-02', validTo: '2020-01-01' }])).toEqual([
      { path: 'members.0.relationship', code: 'required' },
      { path: 'members.0.displayName', code: 'required' },
      { path: 'members.1.validTo', code: 'dates' },
    ]);
  });
});
