import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { z } from 'zod';
import { defineAction, uuid } from '@siso/shared';
import { defineHandler } from '../http/action.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { grantToProfile } from '../testing/grant-permissions.js';
import { FIXTURE_KIND, insertFixtureRecord, installRecordFixture } from '../testing/fixtures/record-fixture.js';
import { recordFixtureHandlers } from '../testing/fixtures/record-actions.js';

/** A handler that "forgets" the scope predicate, and one that bypasses it on purpose. */
const forgetful = defineHandler(
  defineAction({ name: 'fixtures.forgetful', kind: 'query', access: 'context', summary: 'fixture', input: z.object({ id: uuid }), output: z.object({ title: z.string() }) }),
  async (ctx, input) => {
    const r = await sql<{ title: string }>`SELECT title FROM fixture_record WHERE id = ${input.id}`.execute(ctx.tx);
    return { title: r.rows[0]?.title ?? '' };
  },
);
const forgetfulBuilder = defineHandler(
  defineAction({ name: 'fixtures.forgetfulBuilder', kind: 'query', access: 'context', summary: 'fixture', input: z.object({}), output: z.object({ n: z.number() }) }),
  async (ctx) => {
    // The query builder is guarded too, not only raw SQL.
    const rows = await ctx.tx.selectFrom('fixture_record' as never).selectAll().execute();
    return { n: rows.length };
  },
);
const system = defineHandler(
  defineAction({ name: 'fixtures.system', kind: 'query', access: 'context', summary: 'fixture', input: z.object({ id: uuid }), output: z.object({ title: z.string() }) }),
  async (ctx, input) => {
    const r = await sql<{ title: string }>`SELECT title FROM fixture_record WHERE id = ${input.id}`.execute(ctx.asSystem('duplicate check across the ambito'));
    ctx.audit({ targets: [{ kind: FIXTURE_KIND, id: input.id }] });
    return { title: r.rows[0]?.title ?? '' };
  },
);

let t: TestApp;
let id: string;
beforeAll(async () => {
  t = await createTestApp({ extraHandlers: [forgetful, forgetfulBuilder, system, ...recordFixtureHandlers] });
  await installRecordFixture(t.database.db);
  const names = ['fixtures.forgetful', 'fixtures.forgetfulBuilder', 'fixtures.system', ...recordFixtureHandlers.map((h) => h.contract.name)];
  await grantToProfile(t.database.db, 'assistente_sociale', names);
  const b = await t.database.db
    .selectFrom('assignment')
    .innerJoin('operator', 'operator.id', 'assignment.operator_id')
    .select(['operator.id as operatorId', 'assignment.ambito_id as ambitoId', 'assignment.ente_id as enteId', 'assignment.office_id as officeId'])
    .where('operator.username', '=', 'assistenteB')
    .executeTakeFirstOrThrow();
  id = await insertFixtureRecord(t.database.db, { ...b, createdBy: b.operatorId });
});
afterAll(async () => t?.close());

describe('scope guard: forgetting the check is impossible', () => {
  it('refuses a query on a record-kind table without the scope predicate, raw or built', async () => {
    const c = await t.as('assistente');
    const raw = await c.call('fixtures.forgetful', { id });
    expect(raw.status).toBe(500);
    expect(JSON.stringify(raw.body)).not.toMatch(/Cartella di prova/);
    const built = await c.call('fixtures.forgetfulBuilder', {});
    expect(built.status).toBe(500);
  });

  it('lets the scoped repository through, which answers 404 outside the scope, and lists nothing of it', async () => {
    const c = await t.as('assistente');
    expect((await c.call('fixtures.getRecord', { id })).status).toBe(404);
    const list = await c.call('fixtures.findRecords', { limit: 200 });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('allows the audited bypass, recording its reason', async () => {
    const c = await t.as('assistente');
    const res = await c.call('fixtures.system', { id });
    expect(res.status).toBe(200);
    const row = await t.database.db.selectFrom('audit_event').select('details').where('action', '=', 'fixtures.system').executeTakeFirstOrThrow();
    expect(row.details).toEqual({ asSystem: ['duplicate check across the ambito'] });
  });
});
