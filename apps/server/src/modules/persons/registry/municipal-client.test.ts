/**
 * The municipal registry client against the municipal contract served by the simulator
 * (docs/registry.md): lookup, not found, API key, garbage, and the change feed with paging.
 */
import { registryPerson } from '@siso/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MunicipalRegistryClient } from './municipal-client.js';
import type { RegistryCallLogEntry } from './registry-client.js';
import { RegistryUnavailableError } from './registry-errors.js';
import { OPERATOR, simulatorKit, type SimulatorKit } from './registry-test-kit.js';

let kit: SimulatorKit;
const calls: RegistryCallLogEntry[] = [];
beforeAll(async () => {
  kit = await simulatorKit({ residents: 150, seed: 11 });
});
afterAll(async () => {
  await kit.close();
});

const client = (o: { apiKey?: string; timeoutMs?: number; batch?: number } = {}) =>
  new MunicipalRegistryClient({ url: kit.sim.municipalUrl, apiKey: o.apiKey ?? kit.sim.municipalApiKey, timeoutMs: o.timeoutMs ?? 15_000, logger: kit.logger, onCall: (e) => calls.push(e), ...(o.batch ? { batch: o.batch } : {}) });

describe('municipal registry client', () => {
  it('looks a person up in the neutral shape', async () => {
    const r = kit.sim.residents.list().find((x) => kit.sim.residents.household(x.idANPR).length > 1)!;
    const { person, warnings } = await client().lookup(r.fiscalCode, OPERATOR);
    expect(warnings).toEqual([]);
    expect(registryPerson.parse(person)).toEqual(person);
    expect(person).toMatchObject({ fiscalCode: r.fiscalCode, anprId: r.idANPR, surname: r.surname, birthDate: r.birthDate, residence: { comuneIstat: r.residence.comuneIstat } });
    expect(person?.household.length).toBe(kit.sim.residents.household(r.idANPR).length);
    expect(calls.at(-1)).toMatchObject({ source: 'municipal', service: 'persons', operatorId: OPERATOR.operatorId, outcome: 'ok', status: 200 });
  });

  it('answers null for an unknown fiscal code', async () => {
    await expect(client().lookup('RSSMRA80A01H501U', OPERATOR)).resolves.toEqual({ person: null, warnings: [] });
    expect(calls.at(-1)).toMatchObject({ outcome: 'not_found', status: 404 });
  });

  it('a wrong API key is rejected', async () => {
    const err = await client({ apiKey: 'wrong' }).lookup('RSSMRA80A01H501U', OPERATOR).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryUnavailableError);
    expect(err).toMatchObject({ reason: 'rejected', info: { status: 401 } });
  });

  it.each([
    ['garbage', 'bad_response'],
    ['garbage_json', 'bad_response'],
    ['http503', 'http_error'],
    ['timeout', 'timeout'],
  ] as const)('%s → %s', async (mode, reason) => {
    kit.sim.injectFault({ mode, target: 'municipal' });
    const err = await client({ timeoutMs: 300 }).lookup(kit.sim.residents.list()[0]!.fiscalCode, OPERATOR).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryUnavailableError);
    expect((err as RegistryUnavailableError).reason).toBe(reason);
    expect(calls.at(-1)?.outcome).toBe(reason);
  });

  it('returns changes by fiscal code and pages through them', async () => {
    const people = kit.sim.residents.list().filter((r) => !r.death).slice(20, 26);
    const subjects = people.map((r, i) => ({ personId: `m${i}`, fiscalCode: r.fiscalCode, anprId: null }));
    const c = client({ batch: 2 });
    const { cursor } = await c.changes(subjects, null);
    kit.sim.recordChange({ kind: 'renamed', subject: people[0]!.fiscalCode, name: 'Anna Maria', effectiveDate: '2026-04-01' });
    kit.sim.recordChange({ kind: 'civil_status', subject: people[5]!.fiscalCode, civilStatus: '4', effectiveDate: '2026-04-02' });
    const got = await c.changes(subjects, cursor);
    expect(got.changes.map((x) => [x.personId, x.kind, x.effectiveDate, x.anprId])).toEqual([
      ['m0', 'names', '2026-04-01', people[0]!.idANPR],
      ['m5', 'civil_status', '2026-04-02', people[5]!.idANPR],
    ]);
    expect(got.changes[0]!.person.name).toBe('ANNA MARIA');
    expect((await c.changes(subjects, got.cursor)).changes).toEqual([]);
  });
});
