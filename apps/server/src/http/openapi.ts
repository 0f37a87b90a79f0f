import { z } from 'zod';
import { contracts, errorBodySchema, healthOutput } from '@siso/shared';

function schemaOf(s: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(s, { io, target: 'openapi-3.0', unrepresentable: 'any' }) as Record<string, unknown>;
}

const errorResponses = {
  '400': { description: 'invalid_input', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '401': { description: 'unauthenticated', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '403': { description: 'forbidden · csrf_invalid · context_required · field_masked', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '404': { description: 'not_found', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '409': { description: 'conflict (stale version)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
};

/** The OpenAPI document, generated from the same zod contracts the server validates with. */
export function buildOpenApi(version: string, extra: Array<{ name: string; kind: string; summary: string; input: z.ZodType; output: z.ZodType }> = []) {
  const paths: Record<string, unknown> = {
    '/api/health': {
      get: {
        summary: 'Stato del servizio',
        tags: ['system'],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: schemaOf(healthOutput, 'output') } } } },
      },
    },
  };
  for (const c of [...Object.values(contracts), ...extra]) {
    const [tag] = c.name.split('.');
    const op = {
      operationId: c.name,
      summary: c.summary,
      tags: [tag],
      responses: {
        '200': { description: 'ok', content: { 'application/json': { schema: schemaOf(c.output, 'output') } } },
        ...errorResponses,
      },
    };
    const entry: Record<string, unknown> = {
      post: {
        ...op,
        parameters: c.kind === 'mutation' ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }] : [],
        requestBody: { required: true, content: { 'application/json': { schema: schemaOf(c.input, 'input') } } },
      },
    };
    if (c.kind === 'query') {
      entry.get = {
        ...op,
        operationId: `${c.name}.get`,
        parameters: [{ name: 'input', in: 'query', required: false, description: 'JSON dell\'input, codificato per URL', schema: { type: 'string' } }],
      };
    }
    paths[`/api/${c.name}`] = entry;
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'SISO API',
      version,
      description:
        'Ogni azione è `POST /api/<modulo>.<verbo>` con corpo JSON (le azioni di sola lettura anche `GET ?input=`). ' +
        'Le richieste che modificano dati inviano `x-csrf-token`; gli errori hanno la forma `{ code, message, details }`.',
      license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
    },
    components: {
      schemas: { Error: schemaOf(errorBodySchema, 'output') },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'siso_sid' } },
    },
    security: [{ session: [] }],
    paths,
  };
}

/**
 * The document made at its first request (/api/openapi.json, the API docs' JSON) instead of at every
 * start: turning every contract into JSON Schema was a visible share of a start (issue 11,
 * bench/platform). `document` is filled in place, so whoever holds it (the swagger plugin) sees it.
 */
export function lazyOpenApi(version: string, extra: Parameters<typeof buildOpenApi>[1] = []): { document: Record<string, unknown>; ensure(): void } {
  const document: Record<string, unknown> = {};
  let made = false;
  return {
    document,
    ensure() {
      if (made) return;
      made = true;
      Object.assign(document, buildOpenApi(version, extra));
    },
  };
}
