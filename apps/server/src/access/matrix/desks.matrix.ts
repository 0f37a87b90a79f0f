import crypto from 'node:crypto';
import type { MatrixFixture, MatrixRow, Outcome, Persona, Relation } from './types.js';
import { todayInRome } from '../../documents/rome-time.js';

/**
 * Hand-written expectations for desks.* (issue 5, points 1, 6, 8). Configuring a desk is administration:
 * the target is a new desk office (sportello di segretariato sociale) added for the row, in the persona's
 * own ente for sameOffice and sameEnte (Città di Castello for the region-level personas, who have no
 * ambito), Umbertide for otherEnte (same ambito), Perugia for otherAmbito. The system administrator
 * configures every desk, the ambito administrator those of ambito 1 only. The desk home and counters
 * are for everyone who works at a desk, third-sector access points included; the list of desks also
 * serves the administrators' configuration screen.
 */
const F: Outcome = 'forbidden';
const every = (o: Outcome): Record<Relation, Outcome> => ({ sameOffice: o, sameEnte: o, otherEnte: o, otherAmbito: o });
const atDesk: Record<Persona, Outcome> = { sysadmin: F, admin: F, dpo: F, sportello: 'ok', assistente: 'ok', responsabile: 'ok', regione: F, terzosettore: 'ok' };

/** A fresh desk office in the relation's ente: each configuration starts from none (version null). */
async function newDesk(f: MatrixFixture, persona: Persona, relation: Relation): Promise<string> {
  const me = await f.placement(persona);
  const base = relation === 'otherEnte' ? 'assistenteB' : relation === 'otherAmbito' ? 'assistente2' : me.ambitoId ? persona : 'sportello';
  const at = await f.placement(base);
  const id = crypto.randomUUID();
  await f.db.insertInto('office').values({ id, ambito_id: at.ambitoId, ente_id: at.enteId, type: 'sportello_accoglienza', name: `Sportello di prova ${id.slice(0, 8)}` }).execute();
  return id;
}

const monthStart = () => `${new Date().toISOString().slice(0, 7)}-01`;
const today = () => todayInRome();

export const desksMatrix: MatrixRow[] = [
  {
    action: 'desks.find',
    targeted: false,
    input: async () => ({}),
    expect: { sysadmin: 'ok', admin: 'ok', dpo: F, sportello: 'ok', assistente: 'ok', responsabile: 'ok', regione: F, terzosettore: F },
  },
  {
    action: 'desks.configure',
    targeted: true,
    input: async (f, relation, persona) => ({
      officeId: await newDesk(f, persona, relation),
      version: null,
      kind: 'foreigners',
      mandatorySections: ['access', 'interlocutor', 'user', 'foreigner', 'outcome'],
      readableClasses: ['public', 'personal', 'foreigner'],
    }),
    expect: {
      sysadmin: every('ok'),
      admin: { sameOffice: 'ok', sameEnte: 'ok', otherEnte: 'ok', otherAmbito: 'not_found' },
      dpo: every(F), sportello: every(F), assistente: every(F), responsabile: every(F), regione: every(F), terzosettore: every(F),
    },
  },
  { action: 'desks.home', targeted: false, input: async () => ({}), expect: atDesk },
  { action: 'desks.counters', targeted: false, input: async () => ({ from: monthStart(), to: today() }), expect: atDesk },
];
