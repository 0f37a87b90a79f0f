/**
 * The municipal registry contract (docs/registry.md, "Municipal registry"): a plain JSON REST API
 * with an API key, answering in SISO's neutral shape (`RegistryPerson` of @siso/shared).
 *   GET /municipal/v1/persons/{fiscalCode}                          → 200 { person } | 404
 *   GET /municipal/v1/changes?since=<cursor|YYYY-MM-DD>&subjects=CF,CF&limit=n
 *                                                                   → 200 { changes, cursor, hasMore }
 * Header `X-API-Key`; a wrong or missing key → 401.
 */
import type { FastifyInstance } from 'fastify';
import type { ChangeFeed } from './changes.js';
import type { ResidentStore } from './residents.js';
import { decodeCursor, encodeCursor } from './routes-anpr.js';
import { registryPerson } from './wire.js';

export function registerMunicipalRoutes(app: FastifyInstance, deps: { store: ResidentStore; feed: ChangeFeed; apiKey: string }): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/municipal/')) return;
    if (req.headers['x-api-key'] !== deps.apiKey) return reply.code(401).send({ error: 'unauthorized', message: 'API key mancante o non valida' });
  });

  app.get<{ Params: { fiscalCode: string } }>('/municipal/v1/persons/:fiscalCode', async (req, reply) => {
    const r = deps.store.get(req.params.fiscalCode);
    if (!r || r.fiscalCode !== req.params.fiscalCode.toUpperCase()) return reply.code(404).send({ error: 'not_found' });
    return { person: registryPerson(r, deps.store) };
  });

  app.get<{ Querystring: { since?: string; subjects?: string; limit?: string } }>('/municipal/v1/changes', async (req, reply) => {
    const { since, subjects, limit } = req.query;
    const isDate = since !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(since);
    const after = since && !isDate ? decodeCursor(since) : 0;
    if (after === null) return reply.code(400).send({ error: 'invalid_cursor' });
    const list = (subjects ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
    if (list.length === 0) return reply.code(400).send({ error: 'subjects_required' });
    const n = Math.min(500, Math.max(1, Number(limit ?? 100) || 100));
    const page = deps.feed.page({ afterSeq: after, fromDate: isDate ? since : null, subjects: new Set(list), limit: n });
    return {
      changes: page.items.map((e) => ({ fiscalCode: e.fiscalCode, anprId: e.idANPR, kind: e.kind, effectiveDate: e.effectiveDate, recordedAt: e.recordedAt, person: e.person })),
      cursor: encodeCursor(page.nextSeq),
      hasMore: page.more,
    };
  });
}
