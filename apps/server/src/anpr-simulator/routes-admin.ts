/**
 * Test and admin endpoints, only in the simulator (`/__sim/`):
 *   GET  /__sim/residents?offset=&limit=      residents (summary)
 *   GET  /__sim/residents/{fiscalCode|idANPR} one resident with its famiglia
 *   PUT  /__sim/residents                     upsert a resident (ResidentInput)
 *   POST /__sim/changes                       record a life event (SimChangeInput) → feed entries
 *   POST /__sim/faults  { mode, count, target? }  fail the next N calls; DELETE /__sim/faults clears
 *   GET  /__sim/calls                         the last e-service calls received
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ChangeFeed, SimChangeInput } from './changes.js';
import { faultModes, faultTargets, type Fault, type FaultQueue } from './faults.js';
import type { ResidentInput, ResidentStore } from './residents.js';
import type { SimCall } from './routes-anpr.js';

export interface AdminDeps {
  store: ResidentStore;
  feed: ChangeFeed;
  faults: FaultQueue;
  calls: SimCall[];
}

function badRequest(reply: FastifyReply, err: unknown) {
  return reply.code(400).send({ error: 'bad_request', message: err instanceof Error ? err.message : String(err) });
}

function json(body: unknown): unknown {
  return typeof body === 'string' ? JSON.parse(body) : body;
}

export function registerAdminRoutes(app: FastifyInstance, deps: AdminDeps): void {
  app.get<{ Querystring: { offset?: string; limit?: string } }>('/__sim/residents', async (req) => {
    const offset = Number(req.query.offset ?? 0) || 0;
    const limit = Math.min(1000, Number(req.query.limit ?? 100) || 100);
    const all = deps.store.list();
    return {
      total: all.length,
      items: all.slice(offset, offset + limit).map((r) => ({
        idANPR: r.idANPR, fiscalCode: r.fiscalCode, surname: r.surname, name: r.name, birthDate: r.birthDate,
        comune: r.residence.comuneName, householdId: r.householdId, relationship: r.relationship, deceased: Boolean(r.death),
      })),
    };
  });

  app.get<{ Params: { key: string } }>('/__sim/residents/:key', async (req, reply) => {
    const r = deps.store.get(req.params.key);
    if (!r) return reply.code(404).send({ error: 'not_found' });
    return { resident: r, household: deps.store.household(r.idANPR) };
  });

  app.put('/__sim/residents', async (req, reply) => {
    try {
      return { resident: deps.store.upsert(json(req.body) as ResidentInput) };
    } catch (err) {
      return badRequest(reply, err);
    }
  });

  app.post('/__sim/changes', async (req, reply) => {
    try {
      const entries = deps.feed.record(json(req.body) as SimChangeInput);
      return { entries: entries.map((e) => ({ seq: e.seq, idANPR: e.idANPR, fiscalCode: e.fiscalCode, kind: e.kind, effectiveDate: e.effectiveDate })) };
    } catch (err) {
      return badRequest(reply, err);
    }
  });

  app.post('/__sim/faults', async (req, reply) => {
    let f: Fault;
    try {
      f = json(req.body) as Fault;
    } catch (err) {
      return badRequest(reply, err);
    }
    if (!faultModes.includes(f.mode) || (f.target !== undefined && !faultTargets.includes(f.target)) || (f.count !== undefined && !(Number.isInteger(f.count) && f.count > 0))) {
      return badRequest(reply, new Error(`mode ∈ ${faultModes.join('|')}, count intero > 0, target ∈ ${faultTargets.join('|')}`));
    }
    deps.faults.inject(f);
    return { ok: true };
  });

  app.delete('/__sim/faults', async () => {
    deps.faults.clear();
    return { ok: true };
  });

  app.get('/__sim/calls', async () => ({ calls: deps.calls }));
}
