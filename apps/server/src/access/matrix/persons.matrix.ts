import crypto from 'node:crypto';
import { computeFiscalCode, decodeOmocodia, generateTemporaryFiscalCode } from '@siso/shared';
import { issueSearchToken } from '../../modules/persons/search-token.js';
import { personFixture } from './households.matrix.js';
import type { MatrixFixture, MatrixRow, Outcome, Persona, Relation } from './types.js';

/**
 * Hand-written expectations for persons.* (issue 4). Targets are people placed relative to the persona
 * (see personFixture). Scopes of the demo profiles: desk operator office, social worker own, sector
 * head ente, third sector own (+ grants). Registering and correcting people is for the desk, the
 * social worker and the sector head; merging for the sector head only; administrators, the DPO and
 * regional analysts never read people.
 */
const F: Outcome = 'forbidden';
const every = (o: Outcome): Record<Relation, Outcome> => ({ sameOffice: o, sameEnte: o, otherEnte: o, otherAmbito: o });
const onlyOwn: Record<Relation, Outcome> = { sameOffice: 'ok', sameEnte: 'not_found', otherEnte: 'not_found', otherAmbito: 'not_found' };
const wholeEnte: Record<Relation, Outcome> = { sameOffice: 'ok', sameEnte: 'ok', otherEnte: 'not_found', otherAmbito: 'not_found' };
const noReaders = { sysadmin: F, admin: F, dpo: F, regione: F } as const;

const readersTargeted = {
  sysadmin: every(F), admin: every(F), dpo: every(F), regione: every(F),
  sportello: onlyOwn, assistente: onlyOwn, responsabile: wholeEnte, terzosettore: onlyOwn,
};
const registrarsTargeted = { ...readersTargeted, terzosettore: every(F) };

/** Random letters: every fixture person gets its own (valid) fiscal code. */
const letters = (n: number) => Array.from(crypto.randomBytes(n), (b) => String.fromCharCode(65 + (b % 26))).join('');

async function personWith(f: MatrixFixture, persona: Persona, relation: Relation, values: Record<string, unknown>): Promise<string> {
  const id = await personFixture(f, persona, relation);
  await f.db.updateTable('person').set(values).where('id', '=', id).execute();
  return id;
}

/**
 * A fresh identity. The fiscal code keeps only three consonants of each name, so random letters alone
 * leave a few thousand codes and the ~30 persons of a row collided now and then (unique fiscal code):
 * a random birth date over 60 years makes them distinct in practice.
 */
function identity() {
  const surname = `Mat${letters(5)}`;
  const name = `Per${letters(4)}`;
  const birthDate = new Date(Date.UTC(1940, 0, 1) + crypto.randomInt(0, 60 * 365) * 86_400_000).toISOString().slice(0, 10);
  const code = computeFiscalCode({ surname, name, sex: 'F', birthDate, birthPlaceCode: 'G478' });
  return { surname, name, birthDate, code };
}

async function searchToken(f: MatrixFixture, persona: Persona): Promise<string> {
  const me = await f.placement(persona);
  return issueSearchToken(f.app.app.services.config, me.operatorId);
}

export const personsMatrix: MatrixRow[] = [
  {
    action: 'persons.find',
    targeted: false,
    input: () => Promise.resolve({ q: 'Matrice' }),
    expect: { ...noReaders, sportello: 'ok', assistente: 'ok', responsabile: 'ok', terzosettore: 'ok' },
  },
  {
    action: 'persons.get',
    targeted: true,
    input: async (f, relation, persona) => ({ id: await personFixture(f, persona, relation) }),
    expect: readersTargeted,
  },
  {
    action: 'persons.history',
    targeted: true,
    input: async (f, relation, persona) => ({ id: await personFixture(f, persona, relation) }),
    expect: readersTargeted,
  },
  {
    action: 'persons.create',
    targeted: false,
    input: async (f, persona) => ({ searchToken: await searchToken(f, persona), surname: `Nuova${letters(4)}`, name: 'Persona' }),
    expect: { ...noReaders, sportello: 'ok', assistente: 'ok', responsabile: 'ok', terzosettore: F },
  },
  {
    action: 'persons.update',
    targeted: true,
    input: async (f, relation, persona) => ({ id: await personFixture(f, persona, relation), version: 0, notes: 'aggiornamento di prova' }),
    expect: registrarsTargeted,
  },
  {
    action: 'persons.replaceFiscalCode',
    targeted: true,
    input: async (f, relation, persona) => {
      const who = identity();
      const id = await personWith(f, persona, relation, {
        surname: who.surname, name: who.name, sex: 'F', birth_date: who.birthDate, fiscal_code: generateTemporaryFiscalCode(), fiscal_code_kind: 'temporary',
      });
      return { id, version: 0, fiscalCode: who.code, reason: 'codice definitivo fornito' };
    },
    expect: registrarsTargeted,
  },
  {
    action: 'persons.findDuplicates',
    targeted: false,
    input: () => Promise.resolve({}),
    expect: { ...noReaders, sportello: 'ok', assistente: 'ok', responsabile: 'ok', terzosettore: F },
  },
  {
    action: 'persons.merge',
    targeted: true,
    input: async (f, relation, persona) => ({
      survivorId: await personFixture(f, persona, relation),
      survivorVersion: 0,
      mergedId: await personFixture(f, persona, relation),
      mergedVersion: 0,
      reason: 'stessa persona registrata due volte',
    }),
    expect: { ...registrarsTargeted, sportello: every(F), assistente: every(F), responsabile: wholeEnte },
  },
  {
    action: 'persons.loadFromRegistry',
    targeted: true,
    input: async (f, relation, persona) => {
      const who = identity();
      const id = await personWith(f, persona, relation, {
        surname: who.surname, name: who.name, sex: 'F', birth_date: who.birthDate, fiscal_code: who.code, fiscal_code_kind: 'definitive', fiscal_code_base: decodeOmocodia(who.code),
      });
      return { fiscalCode: who.code, personId: id, reason: 'verifica residenza' };
    },
    expect: registrarsTargeted,
  },
];
