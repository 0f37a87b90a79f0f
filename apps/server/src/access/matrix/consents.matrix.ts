import crypto from 'node:crypto';
import { personFixture } from './households.matrix.js';
import type { MatrixFixture, MatrixRow, Outcome, Persona, Relation } from './types.js';
import { todayInRome } from '../../documents/rome-time.js';

/**
 * Hand-written expectations for consents.* (issue 5, point 3). Privacy records are read and written with
 * the person (the people registry's scope decides): the targets are people placed relative to the
 * persona like persons.matrix (households.matrix `personFixture`). Desk operators, social workers,
 * sector heads and third-sector access points record the notice and the optional consents;
 * administrators, the DPO and regional analysts never read people.
 */
const F: Outcome = 'forbidden';
const every = (o: Outcome): Record<Relation, Outcome> => ({ sameOffice: o, sameEnte: o, otherEnte: o, otherAmbito: o });
const onlyOwn: Record<Relation, Outcome> = { sameOffice: 'ok', sameEnte: 'not_found', otherEnte: 'not_found', otherAmbito: 'not_found' };
const wholeEnte: Record<Relation, Outcome> = { sameOffice: 'ok', sameEnte: 'ok', otherEnte: 'not_found', otherAmbito: 'not_found' };
const recorders: Record<Persona, Record<Relation, Outcome>> = {
  sysadmin: every(F), admin: every(F), dpo: every(F), regione: every(F), sportello: onlyOwn, assistente: onlyOwn, responsabile: wholeEnte, terzosettore: onlyOwn,
};

const today = () => todayInRome();

/** A consent in force (sharing with the job centres, given) of a person placed by `personFixture`, in the person's ente. */
async function consentFixture(f: MatrixFixture, persona: Persona, relation: Relation): Promise<string> {
  const personId = await personFixture(f, persona, relation);
  const p = await f.db.selectFrom('person').select(['ambito_id', 'ente_id', 'office_id', 'created_by']).where('id', '=', personId).executeTakeFirstOrThrow();
  const id = crypto.randomUUID();
  await f.db
    .insertInto('consent')
    .values({ id, person_id: personId, ambito_id: p.ambito_id, ente_id: p.ente_id, office_id: p.office_id, consent_type: 'centri_impiego', given: true, given_on: today(), signer_kind: 'self', created_by: p.created_by! })
    .execute();
  return id;
}

export const consentsMatrix: MatrixRow[] = [
  {
    action: 'consents.get',
    targeted: true,
    input: async (f, relation, persona) => ({ personId: await personFixture(f, persona, relation) }),
    expect: recorders,
  },
  {
    action: 'consents.record',
    targeted: true,
    input: async (f, relation, persona) => ({
      personId: await personFixture(f, persona, relation),
      notice: { givenOn: today(), mode: 'in_person', signerKind: 'self' },
      consents: [{ type: 'contatto_email', given: true, givenOn: today(), signerKind: 'self' }],
    }),
    expect: recorders,
  },
  {
    action: 'consents.withdraw',
    targeted: true,
    input: async (f, relation, persona) => ({ consentId: await consentFixture(f, persona, relation), reason: 'revoca chiesta allo sportello' }),
    expect: recorders,
  },
  {
    action: 'consents.print',
    targeted: true,
    input: async (f, relation, persona) => ({ personId: await personFixture(f, persona, relation) }),
    expect: recorders,
  },
];
