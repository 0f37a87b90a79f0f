import { describe, expect, it } from 'vitest';
import type { DeskView } from '@siso/shared';
import { groupDesks } from './groupDesks';

function desk(officeId: string, enteId: string, enteName: string, ambitoId: string | null, ambitoName: string | null): DeskView {
  return {
    officeId, officeName: `Sportello ${officeId}`, officeType: 'sportello_accoglienza', officeEmail: null, enteId, enteName, ambitoId, ambitoName,
    kind: 'general', thematicCode: null, mandatorySections: [], excludedProfiles: [], readableClasses: null, proposalTarget: 'ente',
    privacyPerDesk: false, emailSubject: null, emailBody: null, accessPoints: [], contactPoints: [], configured: false, version: null, abilities: [],
  };
}

describe('groupDesks', () => {
  const list = [desk('a', 'e1', 'Comune A', 'z1', 'Zona 1'), desk('b', 'e2', 'Comune B', 'z1', 'Zona 1'), desk('c', 'e1', 'Comune A', 'z1', 'Zona 1'), desk('d', 'e3', 'Comune D', 'z2', 'Zona 2')];

  it('groups by ambito and ente keeping the server order', () => {
    const groups = groupDesks(list);
    expect(groups.map((g) => [g.ambitoName, g.enteName, g.desks.map((d) => d.officeId)])).toEqual([
      ['Zona 1', 'Comune A', ['a', 'c']],
      ['Zona 1', 'Comune B', ['b']],
      ['Zona 2', 'Comune D', ['d']],
    ]);
  });

  it('leaves out the desk the scheda comes from, and groups left empty', () => {
    expect(groupDesks(list, 'b').map((g) => g.enteName)).toEqual(['Comune A', 'Comune D']);
  });
});
