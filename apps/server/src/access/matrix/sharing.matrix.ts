import crypto from 'node:crypto';
import { intakeFixture } from './intake-fixtures.js';
import { personFixture } from './households.matrix.js';
import type { MatrixFixture, MatrixRow, Outcome, Persona, Relation } from './types.js';

/**
 * Hand-written expectations for sharing and emergency access on screen (issue 11, point 1): the lists
 * (grants.find, grants.subjects, breakGlass.find), and the write rule "scope OR write grant" — the
 * same write actions as their modules' rows, with a grant to the persona in force, read-only or with
 * writing, expired or revoked. Targets are placed as in intake-fixtures.ts and households.matrix.ts.
 * Scopes: desk operator office, social worker own, sector head ente, third sector own, DPO ambito.
 */
const F: Outcome = 'forbidden';
const every = (o: Outcome): Record<Relation, Outcome> => ({ sameOffice: o, sameEnte: o, otherEnte: o, otherAmbito: o });
const onlyOwn: Record<Relation, Outcome> = { sameOffice: 'ok', sameEnte: 'not_found', otherEnte: 'not_found', otherAmbito: 'not_found' };
const wholeEnte: Record<Relation, Outcome> = { sameOffice: 'ok', sameEnte: 'ok', otherEnte: 'not_found', otherAmbito: 'not_found' };
/** Seen through a read grant where the scope does not reach: a scheda answers 403 (seen, not writable). */
const ownThenForbidden: Record<Relation, Outcome> = { sameOffice: 'ok', sameEnte: 'forbidden', otherEnte: 'forbidden', otherAmbito: 'forbidden' };
const enteThenForbidden: Record<Relation, Outcome> = { sameOffice: 'ok', sameEnte: 'ok', otherEnte: 'forbidden', otherAmbito: 'forbidden' };
/** Through a write grant: written wherever it lives inside the ambito; in another ambito refused as `outside`. */
const writeInAmbito = (outside: Outcome): Record<Relation, Outcome> => ({ sameOffice: 'ok', sameEnte: 'ok', otherEnte: 'ok', otherAmbito: outside });
const nobody = { sysadmin: F, admin: F, dpo: F, sportello: F, assistente: F, responsabile: F, regione: F, terzosettore: F } satisfies Record<Persona, Outcome>;
const nobodyTargeted: Record<Persona, Record<Relation, Outcome>> = {
  sysadmin: every(F), admin: every(F), dpo: every(F), sportello: every(F), assistente: every(F), responsabile: every(F), regione: every(F), terzosettore: every(F),
};

/** A grant of the record to the persona (as operator), straight into the database: read-only unless `canWrite`. */
async function grantToPersona(
  f: MatrixFixture,
  persona: Persona,
  record: { kind: 'intakeRecord' | 'person'; id: string },
  g: { canWrite: boolean; expired?: boolean; revoked?: boolean },
): Promise<void> {
  const me = await f.placement(persona);
  const table = record.kind === 'intakeRecord' ? 'intake_record' : 'person';
  const r = await f.db.selectFrom(table).select(['ambito_id', 'ente_id']).where('id', '=', record.id).executeTakeFirstOrThrow();
  await f.db
    .insertInto('access_grant')
    .values({
      id: crypto.randomUUID(), ambito_id: r.ambito_id, ente_id: r.ente_id, record_kind: record.kind, record_id: record.id, subject_kind: 'operator',
      subject_id: me.operatorId, purpose: 'condivisione della matrice', valid_from: '2024-01-01', valid_to: g.expired ? '2024-12-31' : null,
      can_write: g.canWrite, revoked_at: g.revoked ? new Date() : null,
    })
    .execute();
}

/** intakeRecords.update on the relation's scheda after a grant of it to the persona. */
const updateScheda = (g: Parameters<typeof grantToPersona>[3]) => async (f: MatrixFixture, relation: Relation, persona: Persona) => {
  const s = await intakeFixture(f, persona, relation);
  await grantToPersona(f, persona, { kind: 'intakeRecord', id: s.id }, g);
  return { id: s.id, version: s.version, access: { description: 'Aggiornata tramite condivisione' } };
};

/** persons.update on the relation's person after a grant of it to the persona. */
const updatePerson = (g: Parameters<typeof grantToPersona>[3]) => async (f: MatrixFixture, relation: Relation, persona: Persona) => {
  const id = await personFixture(f, persona, relation);
  await grantToPersona(f, persona, { kind: 'person', id }, g);
  return { id, version: 0, notes: 'Aggiornata tramite condivisione' };
};

/** Who writes schede (intake.matrix.ts): the desk, the social worker, the sector head, the third sector. */
const scheda = (o: { sportello: Record<Relation, Outcome>; assistente: Record<Relation, Outcome>; responsabile: Record<Relation, Outcome>; terzosettore: Record<Relation, Outcome> }) => ({ ...nobodyTargeted, ...o });
/** Who corrects people (persons.matrix.ts): the desk, the social worker, the sector head. */
const people = (o: { sportello: Record<Relation, Outcome>; assistente: Record<Relation, Outcome>; responsabile: Record<Relation, Outcome> }) => ({ ...nobodyTargeted, ...o });

export const sharingMatrix: MatrixRow[] = [
  {
    action: 'grants.find',
    label: "a record's shares",
    targeted: true,
    input: async (f, relation, persona) => ({ recordKind: 'intakeRecord', recordId: (await intakeFixture(f, persona, relation)).id }),
    // Only to who sees the record; the DPO oversees the shares of the ambito but reads no scheda.
    expect: { ...nobodyTargeted, assistente: onlyOwn, responsabile: wholeEnte, dpo: every('not_found') },
  },
  { action: 'grants.find', targeted: false, input: async () => ({}), expect: { ...nobody, assistente: 'ok', responsabile: 'ok', dpo: 'ok' } },
  { action: 'grants.subjects', targeted: false, input: async () => ({ kind: 'office', q: 'Servizio' }), expect: { ...nobody, assistente: 'ok', responsabile: 'ok' } },
  { action: 'breakGlass.find', targeted: false, input: async () => ({ open: true }), expect: { ...nobody, assistente: 'ok', responsabile: 'ok', dpo: 'ok' } },
  {
    action: 'grants.create',
    label: 'with writing, by who may write the record',
    targeted: true,
    input: async (f, relation, persona) => ({
      recordKind: 'intakeRecord', recordId: (await intakeFixture(f, persona, relation)).id, subjectKind: 'operator',
      subjectId: (await f.placement('sportello')).operatorId,
      purpose: 'collaborazione con scrittura', validFrom: '2025-01-01', canWrite: true,
    }),
    expect: { ...nobodyTargeted, assistente: onlyOwn, responsabile: wholeEnte },
  },
  {
    action: 'grants.create',
    label: 'with writing, of a record shared with the persona for reading',
    targeted: true,
    input: async (f, relation, persona) => {
      const s = await intakeFixture(f, persona, relation);
      await grantToPersona(f, persona, { kind: 'intakeRecord', id: s.id }, { canWrite: false });
      return { recordKind: 'intakeRecord', recordId: s.id, subjectKind: 'operator', subjectId: (await f.placement('sportello')).operatorId, purpose: 'condivisione con scrittura', validFrom: '2025-01-01', canWrite: true };
    },
    // Seen through the read grant, never written: nobody hands on more than they hold.
    expect: { ...nobodyTargeted, assistente: ownThenForbidden, responsabile: enteThenForbidden },
  },
  {
    action: 'intakeRecords.update',
    label: 'through a write grant to the persona',
    targeted: true,
    input: updateScheda({ canWrite: true }),
    // A write stays in the actor's ambito: in another ambito the grant reads, the scheda answers 403.
    expect: scheda({ sportello: writeInAmbito('forbidden'), assistente: writeInAmbito('forbidden'), responsabile: writeInAmbito('forbidden'), terzosettore: writeInAmbito('forbidden') }),
  },
  {
    action: 'intakeRecords.update',
    label: 'through a read grant to the persona',
    targeted: true,
    input: updateScheda({ canWrite: false }),
    expect: scheda({ sportello: ownThenForbidden, assistente: ownThenForbidden, responsabile: enteThenForbidden, terzosettore: ownThenForbidden }),
  },
  {
    action: 'intakeRecords.update',
    label: 'through an expired write grant',
    targeted: true,
    input: updateScheda({ canWrite: true, expired: true }),
    expect: scheda({ sportello: onlyOwn, assistente: onlyOwn, responsabile: wholeEnte, terzosettore: onlyOwn }),
  },
  {
    action: 'intakeRecords.update',
    label: 'through a revoked write grant',
    targeted: true,
    input: updateScheda({ canWrite: true, revoked: true }),
    expect: scheda({ sportello: onlyOwn, assistente: onlyOwn, responsabile: wholeEnte, terzosettore: onlyOwn }),
  },
  {
    action: 'persons.update',
    label: 'through a write grant to the persona',
    targeted: true,
    input: updatePerson({ canWrite: true }),
    expect: people({ sportello: writeInAmbito('not_found'), assistente: writeInAmbito('not_found'), responsabile: writeInAmbito('not_found') }),
  },
  {
    action: 'persons.update',
    label: 'through a read grant to the persona',
    targeted: true,
    input: updatePerson({ canWrite: false }),
    // The registry answers 404 to a write it does not allow (person-repo.ts), seen or not.
    expect: people({ sportello: onlyOwn, assistente: onlyOwn, responsabile: wholeEnte }),
  },
];
