import crypto from 'node:crypto';
import type { MatrixFixture, MatrixRow, Outcome, Persona, Relation } from './types.js';

/**
 * Hand-written expectations for households.* (issue 4, point 6). The target is a person placed
 * relative to the persona like the runner's fixture records: created by the persona in its own office
 * (sameOffice), by a desk colleague in another office of the ente (sameEnte), in the B comune of the
 * same ambito (otherEnte), in ambito 2 (otherAmbito). Scopes of the demo profiles: desk operator
 * office, social worker own, sector head ente, third sector own.
 */
const F: Outcome = 'forbidden';
const every = (o: Outcome): Record<Relation, Outcome> => ({ sameOffice: o, sameEnte: o, otherEnte: o, otherAmbito: o });
const onlyOwn: Record<Relation, Outcome> = { sameOffice: 'ok', sameEnte: 'not_found', otherEnte: 'not_found', otherAmbito: 'not_found' };
const wholeEnte: Record<Relation, Outcome> = { sameOffice: 'ok', sameEnte: 'ok', otherEnte: 'not_found', otherAmbito: 'not_found' };

/**
 * A person row inserted straight into the test database (the runner's handle has no scope guard),
 * placed like `fixtureRecord`. Region-level personas have no ambito: their target sits in ambito 1
 * (they are refused before any lookup anyway).
 */
export async function personFixture(f: MatrixFixture, persona: Persona, relation: Relation): Promise<string> {
  const me = await f.placement(persona);
  let at: { ambitoId: string | null; enteId: string; officeId: string; createdBy: string };
  if (relation === 'sameOffice') at = { ...me, createdBy: me.operatorId };
  else if (relation === 'sameEnte') {
    const o = await f.db.selectFrom('office').select(['id', 'ente_id', 'ambito_id']).where('ente_id', '=', me.enteId).where('id', '!=', me.officeId).executeTakeFirst();
    const colleague = (await f.placement('sportello')).operatorId;
    at = o ? { ambitoId: o.ambito_id, enteId: o.ente_id, officeId: o.id, createdBy: colleague } : { ...me, createdBy: colleague };
  } else {
    const there = await f.placement(relation === 'otherEnte' ? 'assistenteB' : 'assistente2');
    at = { ...there, createdBy: there.operatorId };
  }
  const ambitoId = at.ambitoId ?? (await f.placement('admin')).ambitoId!;
  const id = crypto.randomUUID();
  await f.db
    .insertInto('person')
    .values({ id, ambito_id: ambitoId, ente_id: at.enteId, office_id: at.officeId, created_by: at.createdBy, surname: 'Matrice', name: 'Persona', surname_norm: 'matrice', name_norm: 'persona' })
    .execute();
  return id;
}

export const householdsMatrix: MatrixRow[] = [
  {
    action: 'households.get',
    targeted: true,
    input: async (f, relation, persona) => ({ personId: await personFixture(f, persona, relation) }),
    expect: {
      sysadmin: every(F),
      admin: every(F),
      dpo: every(F),
      sportello: onlyOwn,
      assistente: onlyOwn,
      responsabile: wholeEnte,
      regione: every(F),
      terzosettore: onlyOwn,
    },
  },
  {
    action: 'households.update',
    targeted: true,
    // A new network group with one member typed by name (no other person involved).
    input: async (f, relation, persona) => ({
      personId: await personFixture(f, persona, relation),
      kind: 'network',
      livesAlone: false,
      members: [{ displayName: 'Vicina di casa', relationship: '99', availability: 'available' }],
    }),
    expect: {
      sysadmin: every(F),
      admin: every(F),
      dpo: every(F),
      sportello: onlyOwn,
      assistente: onlyOwn,
      responsabile: wholeEnte,
      regione: every(F),
      terzosettore: every(F),
    },
  },
];
