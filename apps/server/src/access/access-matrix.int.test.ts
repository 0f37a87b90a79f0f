import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';
import { placementOf } from '../testing/placement.js';
import { policies } from './policies.js';
import { matrix } from './matrix/index.js';
import { matrixPersonas, OK_STATUS, relations, type MatrixFixture, type Persona, type Relation } from './matrix/types.js';
import { insertFixtureRecord, installRecordFixture } from '../testing/fixtures/record-fixture.js';

let t: TestApp;
let fixture: MatrixFixture;
const clients = new Map<Persona, TestClient>();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const placement = (username: string) => placementOf(db, username);
  const officeOf = async (username: string, type: string) => {
    const p = await placement(username);
    const o = await db.selectFrom('office').select(['id', 'ente_id', 'ambito_id']).where('ente_id', '=', p.enteId).where('type', '=', type).executeTakeFirstOrThrow();
    return { officeId: o.id, enteId: o.ente_id, ambitoId: o.ambito_id };
  };
  await installRecordFixture(db);
  const other = await placement('sportello');
  // Where a record lives relative to a persona: its own office (created by the persona), another
  // office of its ente (created by a colleague), the B comune (same ambito), the 2 comune (other ambito).
  const fixtureRecord = async (persona: Persona, relation: Relation) => {
    const me = await placement(persona);
    if (relation === 'sameOffice') return insertFixtureRecord(db, { ...me, createdBy: me.operatorId });
    if (relation === 'sameEnte') {
      const o = await db.selectFrom('office').select(['id', 'ente_id', 'ambito_id']).where('ente_id', '=', me.enteId).where('id', '!=', me.officeId).executeTakeFirst();
      // The region's ente has a single office: the colleague's record then sits in it.
      const at = o ? { ambitoId: o.ambito_id, enteId: o.ente_id, officeId: o.id } : me;
      return insertFixtureRecord(db, { ambitoId: at.ambitoId, enteId: at.enteId, officeId: at.officeId, createdBy: other.operatorId });
    }
    const there = await placement(relation === 'otherEnte' ? 'assistenteB' : 'assistente2');
    return insertFixtureRecord(db, { ...there, createdBy: there.operatorId });
  };
  fixture = { app: t, db, placement, officeOf, fixtureRecord };
  for (const p of matrixPersonas) clients.set(p, await t.as(p));
});
afterAll(async () => t?.close());

describe('access matrix', () => {
  it('has a hand-written row for every action of the catalogue, and no row for an unknown action', () => {
    const rows = [...new Set(matrix.map((r) => r.action))].sort();
    expect(rows).toEqual(Object.keys(policies).sort());
    // An action's further rows say what sets them apart: no two rows of an action share a title.
    const titles = matrix.map((r) => `${r.action} ${r.label ?? ''}`);
    expect(titles.filter((x, i) => titles.indexOf(x) !== i)).toEqual([]);
  });

  for (const row of matrix) {
    it(`${row.action}${row.label ? ` (${row.label})` : ''}: persona × where the target lives`, async () => {
      const seen: string[] = [];
      const wanted: string[] = [];
      for (const persona of matrixPersonas) {
        const client = clients.get(persona)!;
        if (!row.targeted) {
          const res = await client.callRaw(row.action, await row.input(fixture, persona));
          seen.push(`${persona}: ${res.status}`);
          wanted.push(`${persona}: ${OK_STATUS[row.expect[persona]]}`);
          continue;
        }
        for (const relation of relations) {
          const res = await client.callRaw(row.action, await row.input(fixture, relation, persona));
          seen.push(`${persona}/${relation}: ${res.status}`);
          wanted.push(`${persona}/${relation}: ${OK_STATUS[row.expect[persona][relation]]}`);
        }
      }
      expect(seen).toEqual(wanted);
    });
  }
});
