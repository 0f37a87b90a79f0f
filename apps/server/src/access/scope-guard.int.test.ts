import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { defineAction, uuid } from '@siso/shared';
import { defineHandler, type ActionContext } from '../http/action.js';
import { insertedBy, visibleTo } from './visibility.js';
import { createTestApp, type TestApp, type WithHandlers } from '../testing/test-app.js';
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

/** Attacks on the guard (issue 10, point 2): each returns titles of records it should not reach. */
const attack = <N extends string>(name: N, query: (ctx: ActionContext) => RawBuilder<{ title: string }>) =>
  defineHandler(
    defineAction({ name: `fixtures.${name}`, kind: 'query', access: 'context', summary: 'fixture', input: z.object({}), output: z.object({ titles: z.array(z.string()) }) }),
    async (ctx) => ({ titles: (await query(ctx).execute(ctx.tx)).rows.map((r) => r.title) }),
  );
const rule = (ctx: ActionContext, alias: string) => visibleTo(ctx.actor!, 'breakGlass.open', FIXTURE_KIND, alias);
const attacks = [
  attack('orTrue', (ctx) => sql`SELECT f.title FROM fixture_record f WHERE true OR ${rule(ctx, 'f')}`),
  attack('secondAlias', (ctx) => sql`SELECT g.title FROM fixture_record f JOIN fixture_record g ON true WHERE ${rule(ctx, 'f')}`),
  attack('subquery', (ctx) => sql`SELECT (SELECT max(g.title) FROM fixture_record g) AS title FROM fixture_record f WHERE ${rule(ctx, 'f')}`),
  attack('borrowedMarker', (ctx) => sql`SELECT f.title FROM fixture_record f WHERE true ${insertedBy(ctx.actor!, FIXTURE_KIND, { ambito_id: ctx.actor!.context!.ambitoId })}`),
  attack('preservedSide', (ctx) => sql`SELECT f.title FROM fixture_record f LEFT JOIN ente e ON e.id = f.ente_id AND ${rule(ctx, 'f')}`),
];
/** What an action's context offers of the database: the guarded transaction, and of the pool only its kind. */
const rawReach = defineHandler(
  defineAction({ name: 'fixtures.rawReach', kind: 'query', access: 'context', summary: 'fixture', input: z.object({}), output: z.object({ keys: z.array(z.string()) }) }),
  async (ctx) => ({ keys: Object.keys(ctx.services.database).sort() }),
);

const extra = [forgetful, forgetfulBuilder, system, rawReach, ...attacks, ...recordFixtureHandlers];
let t: TestApp<WithHandlers<typeof extra>>;
let id: string;
beforeAll(async () => {
  t = await createTestApp({ extraHandlers: extra });
  await installRecordFixture(t.database.db);
  const names = extra.map((h) => h.contract.name);
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

  it('refuses OR true, a second alias, a subquery, a borrowed insert mark and a rule on the preserved side of an outer join', async () => {
    const c = await t.as('assistente');
    for (const a of attacks) {
      const res = await c.call(a.contract.name, {});
      expect({ action: a.contract.name, status: res.status }).toEqual({ action: a.contract.name, status: 500 });
      expect(JSON.stringify(res.body)).not.toMatch(/Cartella di prova/);
    }
  });

  it('gives actions no raw database: only the kind of the pool', async () => {
    const c = await t.as('assistente');
    const res = await c.call('fixtures.rawReach', {});
    expect(res.body).toEqual({ keys: ['kind'] });
  });

  it('allows the audited bypass, recording its reason', async () => {
    const c = await t.as('assistente');
    const res = await c.call('fixtures.system', { id });
    expect(res.status).toBe(200);
    const row = await t.database.db.selectFrom('audit_event').select('details').where('action', '=', 'fixtures.system').executeTakeFirstOrThrow();
    expect(row.details).toEqual({ asSystem: ['duplicate check across the ambito'] });
  });
});
