import { completedIntakeFixture, fullSections, intakeFixture, transferFixture } from './intake-fixtures.js';
import type { MatrixRow, Outcome, Persona, Relation } from './types.js';

/**
 * Hand-written expectations for intakeRecords.*, intakeNotes.create and intakeTransfers.find (issue 5).
 * Targets are schede written through the API by the operator the relation names (intake-fixtures.ts).
 * Scopes of the demo profiles: desk operator office, social worker own, sector head ente, third
 * sector own. Recording, completing and printing are for the desk and the third-sector access points;
 * sending, receiving, refusing and exporting for the desk only (intake.policy.ts); administrators,
 * the DPO and regional analysts never read schede. Receiving and refusing act on the destination
 * desk: the relation says where the scheda was sent to (the persona's own office, another office of
 * its ente, Umbertide's desk, Perugia's desk).
 */
const F: Outcome = 'forbidden';
const every = (o: Outcome): Record<Relation, Outcome> => ({ sameOffice: o, sameEnte: o, otherEnte: o, otherAmbito: o });
const onlyOwn: Record<Relation, Outcome> = { sameOffice: 'ok', sameEnte: 'not_found', otherEnte: 'not_found', otherAmbito: 'not_found' };
const wholeEnte: Record<Relation, Outcome> = { sameOffice: 'ok', sameEnte: 'ok', otherEnte: 'not_found', otherAmbito: 'not_found' };
const noReaders = { sysadmin: F, admin: F, dpo: F, regione: F } as const;
const nobodyTargeted = { sysadmin: every(F), admin: every(F), dpo: every(F), regione: every(F) } as const;

/** Desk and third-sector access points, each within its scope. */
const writersTargeted: Record<Persona, Record<Relation, Outcome>> = {
  ...nobodyTargeted, sportello: onlyOwn, assistente: onlyOwn, responsabile: wholeEnte, terzosettore: onlyOwn,
};
/** The desk only: the third sector neither sends, receives nor refuses. */
const deskTargeted: Record<Persona, Record<Relation, Outcome>> = { ...writersTargeted, terzosettore: every(F) };
/**
 * A received scheda is decided by its destination desk only: the operator's current office, whatever
 * the profile's scope (the sector head does not decide for the ente's other desks).
 */
const destinationDesk: Record<Persona, Record<Relation, Outcome>> = { ...deskTargeted, sportello: onlyOwn, assistente: onlyOwn, responsabile: onlyOwn };
const writers: Record<Persona, Outcome> = { ...noReaders, sportello: 'ok', assistente: 'ok', responsabile: 'ok', terzosettore: 'ok' };
const desk: Record<Persona, Outcome> = { ...writers, terzosettore: F };

export const intakeMatrix: MatrixRow[] = [
  { action: 'intakeRecords.find', targeted: false, input: async () => ({}), expect: writers },
  {
    action: 'intakeRecords.get',
    targeted: true,
    input: async (f, relation, persona) => ({ id: (await intakeFixture(f, persona, relation)).id }),
    expect: writersTargeted,
  },
  // An anonymous scheda (user not identified yet) with every other section filled.
  { action: 'intakeRecords.create', targeted: false, input: async () => fullSections(null), expect: writers },
  {
    action: 'intakeRecords.update',
    targeted: true,
    input: async (f, relation, persona) => {
      const s = await intakeFixture(f, persona, relation);
      return { id: s.id, version: s.version, access: { description: 'Descrizione aggiornata dalla matrice' } };
    },
    expect: writersTargeted,
  },
  {
    action: 'intakeRecords.complete',
    targeted: true,
    input: async (f, relation, persona) => {
      const s = await intakeFixture(f, persona, relation);
      return { id: s.id, version: s.version };
    },
    expect: writersTargeted,
  },
  {
    action: 'intakeRecords.delete',
    targeted: true,
    input: async (f, relation, persona) => {
      const s = await intakeFixture(f, persona, relation);
      return { id: s.id, version: s.version, reason: 'Scheda aperta per errore' };
    },
    expect: deskTargeted,
  },
  {
    action: 'intakeRecords.copy',
    targeted: true,
    input: async (f, relation, persona) => ({ id: (await intakeFixture(f, persona, relation)).id }),
    // Only a scheda of the operator's own desk: the sector head sees the ente's other desks but copies none.
    expect: { ...writersTargeted, responsabile: { sameOffice: 'ok', sameEnte: 'forbidden', otherEnte: 'not_found', otherAmbito: 'not_found' } },
  },
  {
    action: 'intakeRecords.print',
    targeted: true,
    input: async (f, relation, persona) => ({ id: (await intakeFixture(f, persona, relation)).id }),
    expect: writersTargeted,
  },
  { action: 'intakeRecords.export', targeted: false, input: async () => ({}), expect: desk },
  {
    action: 'intakeRecords.send',
    targeted: true,
    // Completed first, then sent to the desk of Corciano (ambito 2, no persona works there).
    input: async (f, relation, persona) => {
      const s = await completedIntakeFixture(f, persona, relation);
      const corciano = await f.db
        .selectFrom('office')
        .innerJoin('ente', 'ente.id', 'office.ente_id')
        .select('office.id')
        .where('ente.belfiore_code', '=', 'C990')
        .where('office.type', '=', 'sportello_accoglienza')
        .executeTakeFirstOrThrow();
      return { id: s.id, version: s.version, destOfficeId: corciano.id, message: 'Invio dalla matrice' };
    },
    expect: deskTargeted,
  },
  {
    action: 'intakeRecords.receive',
    targeted: true,
    input: async (f, relation, persona) => {
      const t = await transferFixture(f, persona, relation);
      return { transferId: t.id, version: t.version };
    },
    expect: destinationDesk,
  },
  {
    action: 'intakeRecords.refuse',
    targeted: true,
    input: async (f, relation, persona) => {
      const t = await transferFixture(f, persona, relation);
      return { transferId: t.id, version: t.version, reason: 'Non di competenza di questo sportello' };
    },
    expect: destinationDesk,
  },
  {
    action: 'intakeNotes.create',
    targeted: true,
    input: async (f, relation, persona) => ({ intakeId: (await intakeFixture(f, persona, relation)).id, text: 'Nota di diario della matrice', private: true }),
    expect: writersTargeted,
  },
  { action: 'intakeTransfers.find', targeted: false, input: async () => ({ direction: 'received' }), expect: desk },
];
