import crypto from 'node:crypto';
import type { MatrixFixture, MatrixRow, Outcome, Persona, Relation } from './types.js';

/**
 * Hand-written expectations for fields.* (configuration-defined fields). Definitions belong to an ambito
 * or, as region templates, to no ambito; so here the relations say which ambito the target field belongs
 * to: sameOffice and sameEnte → the persona's own ambito (the region's templates for the region-level
 * personas, sysadmin and regione); otherEnte → ambito 1 (Umbertide's, the base personas' own); otherAmbito
 * → ambito 2 (Perugia's). The ambito administrator reaches only ambito 1; the system administrator every
 * ambito and the templates; nobody else holds the permissions.
 */
const F: Outcome = 'forbidden';
const nobody = { sysadmin: F, admin: F, dpo: F, sportello: F, assistente: F, responsabile: F, regione: F, terzosettore: F } satisfies Record<Persona, Outcome>;
const every = (o: Outcome): Record<Relation, Outcome> => ({ sameOffice: o, sameEnte: o, otherEnte: o, otherAmbito: o });

/** A field definition row inserted straight into the test database, in the relation's ambito. */
async function fieldIn(f: MatrixFixture, persona: Persona, relation: Relation): Promise<{ id: string; key: string }> {
  const me = await f.placement(persona);
  const ambitoId =
    relation === 'sameOffice' || relation === 'sameEnte' ? me.ambitoId : (await f.placement(relation === 'otherEnte' ? 'adminB' : 'admin2')).ambitoId;
  const regione = await f.db.selectFrom('ente').select('regione_id').where('id', '=', me.enteId).executeTakeFirstOrThrow();
  const id = crypto.randomUUID();
  const key = `matrice_${id.slice(0, 8)}`;
  await f.db
    .insertInto('field_definition')
    .values({ id, regione_id: regione.regione_id, ambito_id: ambitoId, target: 'intake', key, label_it: 'Campo di prova', type: 'text', field_class: 'personal' })
    .execute();
  return { id, key };
}

export const fieldsMatrix: MatrixRow[] = [
  { action: 'fields.find', targeted: false, input: async () => ({}), expect: { ...nobody, sysadmin: 'ok', admin: 'ok' } },
  {
    action: 'fields.upsert',
    targeted: true,
    // Relabels the field (same target, key, type and class), with the version it was created with.
    input: async (f, relation, persona) => {
      const field = await fieldIn(f, persona, relation);
      return { id: field.id, version: 0, target: 'intake', key: field.key, labelIt: 'Campo rinominato', type: 'text', fieldClass: 'personal' };
    },
    expect: {
      sysadmin: every('ok'),
      admin: { sameOffice: 'ok', sameEnte: 'ok', otherEnte: 'ok', otherAmbito: 'not_found' },
      dpo: every(F), sportello: every(F), assistente: every(F), responsabile: every(F), regione: every(F), terzosettore: every(F),
    },
  },
];
