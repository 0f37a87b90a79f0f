import { proposalFixture } from './intake-fixtures.js';
import type { MatrixRow, Outcome, Persona, Relation } from './types.js';

/**
 * Hand-written expectations for proposals.* (issue 5, point 5). The target is a proposal to take charge
 * made by completing a scheda with that outcome (intake-fixtures.ts `proposalFixture`); it is addressed
 * to the ente of the scheda (desk configuration default `proposalTarget: 'ente'`): the persona's own ente
 * for sameOffice and sameEnte, Umbertide for otherEnte, Perugia for otherAmbito. The inbox belongs to the
 * professional social service of the destination ente: its social workers and sector head read and
 * decide every proposal of the ente; nobody else holds the permissions (siso-original §5.1 step 5).
 */
const F: Outcome = 'forbidden';
const every = (o: Outcome): Record<Relation, Outcome> => ({ sameOffice: o, sameEnte: o, otherEnte: o, otherAmbito: o });
const inbox: Record<Relation, Outcome> = { sameOffice: 'ok', sameEnte: 'ok', otherEnte: 'not_found', otherAmbito: 'not_found' };
const service: Record<Persona, Record<Relation, Outcome>> = {
  sysadmin: every(F), admin: every(F), dpo: every(F), sportello: every(F), assistente: inbox, responsabile: inbox, regione: every(F), terzosettore: every(F),
};

export const proposalsMatrix: MatrixRow[] = [
  {
    action: 'proposals.find',
    targeted: false,
    input: async () => ({}),
    expect: { sysadmin: F, admin: F, dpo: F, sportello: F, assistente: 'ok', responsabile: 'ok', regione: F, terzosettore: F },
  },
  {
    action: 'proposals.get',
    targeted: true,
    input: async (f, relation, persona) => ({ id: (await proposalFixture(f, persona, relation)).id }),
    expect: service,
  },
  {
    action: 'proposals.markSeen',
    targeted: true,
    input: async (f, relation, persona) => {
      const p = await proposalFixture(f, persona, relation);
      return { id: p.id, version: p.version };
    },
    expect: service,
  },
  {
    action: 'proposals.reject',
    targeted: true,
    input: async (f, relation, persona) => {
      const p = await proposalFixture(f, persona, relation);
      return { id: p.id, version: p.version, note: 'Non sussistono i presupposti per la presa in carico' };
    },
    expect: service,
  },
];
