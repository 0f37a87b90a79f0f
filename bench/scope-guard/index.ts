/**
 * bench/scope-guard: what the structural scope guard (issue 10) costs a query — compiling the
 * operation tree to SQL, then checking it: parsed once per distinct SQL text (PostgreSQL's parser,
 * libpg-query), a map lookup afterwards. Queries are the shapes of the desk's busiest reads, built
 * with the real visibility module for a desk operator. No database: the guard runs before the query.
 */
import { performance } from 'node:perf_hooks';
import { PostgresQueryCompiler, sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../apps/server/src/access/actor.js';
import { assertScoped } from '../../apps/server/src/access/scope-guard.js';
import { loadSqlParser } from '../../apps/server/src/access/sql-scope-check.js';
import { visible, visibleInOffice } from '../../apps/server/src/access/visibility.js';

const actor: Actor = {
  operatorId: '00000000-0000-4000-8000-000000000001', username: 'b', displayName: 'B', sessionHash: 'h',
  context: {
    assignmentId: 'a', regioneId: 'r', ambitoId: '00000000-0000-4000-8000-0000000000a1', ambitoName: 'A', enteId: '00000000-0000-4000-8000-0000000000e1', enteName: 'E',
    officeId: '00000000-0000-4000-8000-0000000000f1', officeName: 'O', officeType: 'sportello_accoglienza', professionalType: 'operatore_sportello',
  } as unknown as Actor['context'],
  permissions: new Set(['persons.get', 'intakeRecords.get', 'intakeRecords.find']),
  scopes: { 'persons.get': 'ente', 'intakeRecords.get': 'ente', 'intakeRecords.find': 'ente' },
  readable: new Set(['public', 'personal']), writable: new Set(['public', 'personal']), profiles: ['operatore_sportello'], homeAmbitoId: null,
};

const shapes: Record<string, RawBuilder<unknown>> = {
  'scheda + person': sql`SELECT r.number, p.surname FROM intake_record r LEFT JOIN person p ON p.id = r.person_id AND ${visible(actor, 'person', 'p', { orReferenced: true })}
                          WHERE r.id = ${'x'} AND ${visible(actor, 'intakeRecord', 'r')}`,
  'desk list (51 rows)': sql`SELECT r.id, (SELECT tp.status FROM take_charge_proposal tp WHERE tp.intake_id = r.id AND ${visible(actor, 'takeChargeProposal', 'tp')} LIMIT 1)
                          FROM intake_record r WHERE ${visibleInOffice(actor, 'intakeRecords.find', 'intakeRecord', 'r', actor.context!.officeId)} ORDER BY r.access_date DESC LIMIT 51`,
  'files of a request': sql`SELECT a.id FROM attachment a WHERE a.owner_id = ${'x'} AND ${visible(actor, 'attachment', 'a')}`,
};

const compiler = new PostgresQueryCompiler();
const texts = Object.fromEntries(
  Object.entries(shapes).map(([k, q]) => [k, compiler.compileQuery(q.toOperationNode(), { queryId: k } as never).sql]),
);

function time(fn: () => void, n: number): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  return ((performance.now() - t0) / n) * 1000;
}

export async function run(): Promise<void> {
  await loadSqlParser();
  console.log('| query | SQL length | compile µs | first check (parse) µs | cached check µs |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, q] of Object.entries(shapes)) {
    const text = texts[name]!;
    const compile = time(() => compiler.compileQuery(q.toOperationNode(), { queryId: name } as never), 2000);
    // A cold check: a text never seen (a trailing space makes it new), parsed and verified.
    let i = 0;
    const cold = time(() => assertScoped(`${text}${' '.repeat(1 + (i++ % 5000))}`, 'request'), 2000);
    const warm = time(() => assertScoped(text, 'request'), 20000);
    console.log(`| ${name} | ${text.length} | ${compile.toFixed(1)} | ${cold.toFixed(1)} | ${warm.toFixed(2)} |`);
  }
}
