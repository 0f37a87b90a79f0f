import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type RawBuilder } from 'kysely';
import { PostgresQueryCompiler } from 'kysely';
import type { Actor } from './actor.js';
import { assertScoped } from './scope-guard.js';
import { loadSqlParser } from './sql-scope-check.js';
import { canWrite, insertedBy, visible, writableBy } from './visibility.js';

/** An actor of ambito A with ente scope on people and schede (no database needed: predicates only). */
const actor: Actor = {
  operatorId: '00000000-0000-4000-8000-000000000001', username: 'u', displayName: 'U', sessionHash: 'h',
  context: { ambitoId: '00000000-0000-4000-8000-0000000000a1', enteId: '00000000-0000-4000-8000-0000000000e1', officeId: '00000000-0000-4000-8000-0000000000f1', officeType: 'segretariato_sociale' } as unknown as Actor['context'],
  permissions: new Set(['persons.get', 'persons.update', 'intakeRecords.get']),
  scopes: { 'persons.get': 'ente', 'persons.update': 'ente', 'intakeRecords.get': 'ente' },
  readable: new Set(['public', 'personal']), writable: new Set(['public', 'personal']), profiles: ['x'], homeAmbitoId: null,
};

const compiler = new PostgresQueryCompiler();
const text = (q: RawBuilder<unknown>) => q.compile({ getExecutor: () => ({ transformQuery: (n: unknown) => n, compileQuery: (n: never, id: never) => compiler.compileQuery(n, id), adapter: {}, plugins: [] }) } as never).sql;
const check = (q: RawBuilder<unknown>) => () => assertScoped(text(q), 'request');
const p = () => visible(actor, 'person', 'p');

beforeAll(() => loadSqlParser());

describe('scope guard (structural)', () => {
  it('accepts a query whose every reference carries its rule', () => {
    expect(check(sql`SELECT p.id FROM person p WHERE p.surname = ${'R'} AND ${p()}`)).not.toThrow();
    expect(check(sql`SELECT p.id FROM ente e JOIN person p ON p.ente_id = e.id AND ${p()}`)).not.toThrow();
    expect(check(sql`SELECT e.id FROM ente e LEFT JOIN person p ON p.ente_id = e.id AND ${p()}`)).not.toThrow();
    expect(check(sql`SELECT 1 FROM ente e WHERE EXISTS (SELECT 1 FROM person p WHERE p.ente_id = e.id AND ${p()})`)).not.toThrow();
    expect(check(sql`UPDATE person p SET notes = ${'n'} WHERE p.id = ${'x'} AND ${writableBy(actor, 'person', 'p', 'persons.update')}`)).not.toThrow();
    expect(check(sql`INSERT INTO person (id) VALUES (${'x'}) ${insertedBy(actor, 'person', { ambito_id: actor.context!.ambitoId })}`)).not.toThrow();
  });

  it('accepts a correlated subquery joined to its scoped outer row, and refuses it when the outer row is not scoped', () => {
    const r = () => visible(actor, 'intakeRecord', 'r');
    const tp = () => visible(actor, 'takeChargeProposal', 'tp', { via: 'r' });
    const person = () => visible(actor, 'person', 'p', { referredBy: { kind: 'intakeRecord', alias: 'r' } });
    expect(check(sql`SELECT (SELECT tp.status FROM take_charge_proposal tp WHERE ${tp()}) FROM intake_record r WHERE ${r()}`)).not.toThrow();
    expect(check(sql`SELECT (SELECT p.surname FROM person p WHERE ${person()}) FROM intake_record r WHERE ${r()}`)).not.toThrow();
    expect(check(sql`SELECT (SELECT tp.status FROM take_charge_proposal tp WHERE ${tp()}) FROM intake_record r`)).toThrow(/intake_record AS r/);
    expect(check(sql`SELECT (SELECT tp.status FROM take_charge_proposal tp WHERE ${tp()}) FROM intake_record r WHERE true OR ${r()}`)).toThrow(/intake_record AS r/);
    // Joined to an alias of a kind it neither belongs to nor is referred by.
    expect(check(sql`SELECT (SELECT tp.status FROM take_charge_proposal tp WHERE ${visible(actor, 'takeChargeProposal', 'tp', { via: 'p' })}) FROM person p WHERE ${p()}`)).toThrow(/take_charge_proposal AS tp/);
    // A derived table in FROM is not correlated to the outer row: no outer alias to join to.
    expect(check(sql`SELECT x.status FROM intake_record r, (SELECT tp.status FROM take_charge_proposal tp WHERE ${tp()}) x WHERE ${r()}`)).toThrow(/take_charge_proposal AS tp/);
  });

  it('refuses OR true around the rule', () => {
    expect(check(sql`SELECT p.id FROM person p WHERE true OR ${p()}`)).toThrow(/person AS p/);
    expect(check(sql`SELECT p.id FROM person p WHERE NOT (NOT ${p()})`)).toThrow(/person AS p/);
  });

  it('refuses a second, unscoped alias of the same table', () => {
    expect(check(sql`SELECT q.* FROM person p, person q WHERE ${p()}`)).toThrow(/person AS q/);
    expect(check(sql`SELECT q.* FROM person p JOIN person q ON true WHERE ${p()}`)).toThrow(/person AS q/);
  });

  it('refuses an unscoped subquery, CTE or set operation', () => {
    expect(check(sql`SELECT p.id, (SELECT count(*) FROM person q) FROM person p WHERE ${p()}`)).toThrow(/person AS q/);
    expect(check(sql`WITH x AS (SELECT * FROM person) SELECT * FROM x`)).toThrow(/person AS person/);
    expect(check(sql`SELECT p.id FROM person p WHERE ${p()} UNION SELECT id FROM person`)).toThrow(/person AS person/);
    expect(check(sql`SELECT * FROM (SELECT * FROM intake_record r) s`)).toThrow(/intake_record AS r/);
  });

  it('refuses a rule of another alias or kind, and a rule on the preserved side of an outer join', () => {
    expect(check(sql`SELECT q.id FROM person q WHERE ${p()}`)).toThrow(/person AS q/);
    expect(check(sql`SELECT r.id FROM intake_record r WHERE ${visible(actor, 'person', 'r')}`)).toThrow(/intake_record AS r/);
    expect(check(sql`SELECT p.id FROM person p LEFT JOIN ente e ON e.id = p.ente_id AND ${p()}`)).toThrow(/person AS p/);
  });

  it('refuses a borrowed or hand-written marker', () => {
    const mark = insertedBy(actor, 'person', { ambito_id: actor.context!.ambitoId });
    expect(check(sql`SELECT p.id FROM person p WHERE true ${mark}`)).toThrow(/person AS p/);
    expect(check(sql`SELECT p.id FROM person p WHERE siso_visible('0000|r|person|p', true)`)).toThrow(/person AS p/);
    expect(check(sql`SELECT p.id FROM person p WHERE /*siso:scope*/ true`)).toThrow(/person AS p/);
    // A value is not a restriction.
    expect(check(sql`SELECT p.id, ${canWrite(actor, 'person', 'p', 'persons.update')} FROM person p`)).toThrow(/person AS p/);
  });

  it('refuses writes without the write rule, and inserts without the tenant check', () => {
    expect(check(sql`UPDATE person p SET notes = ${'n'} WHERE ${p()}`)).toThrow(/UPDATE on person/);
    expect(check(sql`DELETE FROM person p WHERE p.id = ${'x'}`)).toThrow(/DELETE on person/);
    expect(check(sql`INSERT INTO person (id) VALUES (${'x'})`)).toThrow(/INSERT into person/);
    expect(() => insertedBy(actor, 'person', { ambito_id: '00000000-0000-4000-8000-0000000000a2' })).toThrow(/outside the actor's ambito/);
  });
});
