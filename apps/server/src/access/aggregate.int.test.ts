import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { z } from 'zod';
import { defineAction } from '@siso/shared';
import { defineHandler } from '../http/action.js';
import { createTestApp, type TestApp, type WithHandlers } from '../testing/test-app.js';
import { grantToProfile } from '../testing/grant-permissions.js';
import { placementOf } from '../testing/placement.js';
import { FIXTURE_KIND, fixtureFields, insertFixtureRecord, installRecordFixture } from '../testing/fixtures/record-fixture.js';
import { recordFixtureHandlers } from '../testing/fixtures/record-actions.js';
import { aggregateCounts, type CountCell } from './aggregate.js';

/** A regional dashboard count the way a module writes one: records by ambito × office type, or by diagnosis. */
const countRecords = defineHandler(
  defineAction({
    name: 'fixtures.countRecords', kind: 'query', access: 'context', summary: 'fixture',
    input: z.object({ by: z.enum(['officeType', 'diagnosis']) }),
    output: z.object({ rows: z.array(z.string()), cols: z.array(z.string()), cells: z.array(z.array(z.number().nullable())), rowTotals: z.array(z.number().nullable()), colTotals: z.array(z.number().nullable()), total: z.number().nullable(), threshold: z.number(), suppressed: z.object({ primary: z.number(), secondary: z.number() }) }),
  }),
  // Ambito and office type are organisational (public); the diagnosis is `special`.
  async (ctx, input) =>
    aggregateCounts(
      ctx,
      { permission: 'fixtures.countRecords', recordKind: FIXTURE_KIND, groupedBy: input.by === 'diagnosis' ? ['diagnosis'] : [], fields: fixtureFields },
      (scope) => sql<CountCell>`
        SELECT am.code AS row, ${input.by === 'diagnosis' ? sql`coalesce(r.diagnosis, '')` : sql`o.type`} AS col, count(*)::int AS count
          FROM fixture_record r JOIN ambito am ON am.id = r.ambito_id JOIN office o ON o.id = r.office_id
         WHERE ${scope('r')} GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
);

const extra = [countRecords, ...recordFixtureHandlers];
let t: TestApp<WithHandlers<typeof extra>>;
beforeAll(async () => {
  t = await createTestApp({ extraHandlers: extra });
  const db = t.database.db;
  await installRecordFixture(db);
  for (const profile of ['analista_regionale', 'assistente_sociale', 'amministratore_sistema']) await grantToProfile(db, profile, ['fixtures.countRecords']);
  const place = async (username: string, n: number) => {
    const p = await placementOf(db, username);
    for (let i = 0; i < n; i++) await insertFixtureRecord(db, { ...p, createdBy: p.operatorId });
  };
  // Ambito ZS1: 7 + 6 records in the social service offices, 2 at a desk; ambito ZS2: 3.
  await place('assistente', 7);
  await place('assistenteB', 6);
  await place('sportello', 2);
  await place('assistente2', 3);
});
afterAll(async () => t?.close());

describe('regional aggregates', () => {
  it('counts every ambito of the region for a region_aggregate profile, with small counts and their complements hidden', async () => {
    const regione = await t.as('regione');
    const res = await regione.call('fixtures.countRecords', { by: 'officeType' });
    expect(res.status).toBe(200);
    const table = res.body;
    expect(table).toMatchObject({ threshold: 5, rows: ['ZS1', 'ZS2'], cols: ['servizio_sociale_professionale', 'sportello_accoglienza'], total: 18 });
    // ZS1 × desk (2), ZS2 (3) and the desk column (2) are below 5; 13, 16 and 15 go with them.
    expect(table.cells).toEqual([[null, null], [null, 0]]);
    expect(table.rowTotals).toEqual([null, null]);
    expect(table.colTotals).toEqual([null, null]);
  });

  it('refuses to count by a field class the profile cannot read', async () => {
    const regione = await t.as('regione');
    const res = await regione.call('fixtures.countRecords', { by: 'diagnosis' });
    expect(res.status).toBe(403);
    expect(res.error.code).toBe('field_masked');
  });

  it('counts only what the profile sees for record-level scopes, and nothing for the installation administrator', async () => {
    const own = await (await t.as('assistente')).call('fixtures.countRecords', { by: 'officeType' });
    expect(own.body).toMatchObject({ rows: ['ZS1'], cells: [[7]], total: 7 });
    const sys = await (await t.as('sysadmin')).call('fixtures.countRecords', { by: 'officeType' });
    expect(sys.body).toMatchObject({ rows: [], cells: [], total: 0 });
  });

  it('reaches no record of the region outside the aggregate path, even holding the read permission', async () => {
    await grantToProfile(t.database.db, 'analista_regionale', ['breakGlass.open', ...recordFixtureHandlers.map((h) => h.contract.name)]);
    const regione = await t.as('regione');
    const list = await regione.call('fixtures.findRecords', { limit: 200 });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
  });
});
