import fs from 'node:fs';
import crypto from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { AppServices } from '../app-services.js';
import type { ActionHandler } from './action.js';
import { AppError } from './app-error.js';
import { errorBody } from './error-body.js';
import { handlerList } from './handlers.js';
import { localeOf } from './locale.js';
import { lazyOpenApi } from './openapi.js';
import { pipelineHandler } from './pipeline.js';
import { RequestLog } from './request-log.js';
import { answerClientError, checkRequestHead, NODE_MAX_HEADER_SIZE } from './request-limits.js';
import { UPLOAD_ACTIONS } from '../modules/service-requests/attachments/upload-actions.js';

export const webDistDir = new URL('../../../web/dist/', import.meta.url);

export interface BuildServerOptions {
  /** Extra handlers (test fixtures exercising the pipeline on tables of their own). */
  extraHandlers?: ActionHandler[];
  logger?: boolean;
  /** The process's logger (startup/logger.ts); without it Fastify builds its own JSON one. */
  log?: FastifyBaseLogger;
  serveWeb?: boolean;
}

function loggerOptions(services: AppServices, opts: BuildServerOptions): { logger: boolean | object } | { loggerInstance: FastifyBaseLogger } {
  if (opts.logger === false) return { logger: false };
  if (opts.log) return { loggerInstance: opts.log };
  return { logger: { level: services.config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } };
}

/** The HTTP server: security headers, the action routes, the API docs and the web app. */
export async function buildServer(services: AppServices, opts: BuildServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...loggerOptions(services, opts),
    logController: new RequestLog(),
    bodyLimit: services.config.bodyLimit,
    genReqId: () => crypto.randomUUID(),
    // X-Forwarded-* only from the proxies named in SISO_TRUSTED_PROXIES: otherwise any client could
    // pick its own address and sidestep the per-IP login limit or write it in the audit (CWE-348).
    trustProxy: services.config.trustedProxies.length > 0 ? [...services.config.trustedProxies] : false,
    http: { maxHeaderSize: NODE_MAX_HEADER_SIZE },
    clientErrorHandler: answerClientError,
  });
  app.addHook('onRequest', checkRequestHead);
  // API answers carry personal data: no browser or proxy keeps a copy (OWASP ASVS 8.2.1, CWE-525).
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: services.config.production ? [] : null,
      },
    },
    strictTransportSecurity: services.config.production,
  });

  // An empty body is an empty input; malformed JSON is bad input, never a 500.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new AppError('invalid_input', [{ path: '', message: 'invalid_json' }]), undefined);
    }
  });

  app.setErrorHandler((err, req, reply) => {
    const e = err as { code?: string; statusCode?: number };
    const appErr =
      err instanceof AppError
        ? err
        : e.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? new AppError('payload_too_large')
          : e.statusCode === 415 || e.code?.startsWith('FST_ERR_CTP')
            ? new AppError('invalid_input', [{ path: '', message: 'invalid_json' }])
            : new AppError('internal', [], err instanceof Error ? err.message : String(err));
    if (appErr.status >= 500) req.log.error({ err }, 'unhandled error');
    void reply.code(appErr.status).send(errorBody(appErr, localeOf(req.headers['accept-language']), req.id));
  });

  app.get('/api/health', async () => ({ status: 'ok' as const, db: services.database.kind, version: services.version }));

  const handlers = [...handlerList, ...(opts.extraHandlers ?? [])];
  const openApi = lazyOpenApi(services.version, (opts.extraHandlers ?? []).map((h) => h.contract));
  await app.register(swagger, { mode: 'static', specification: { document: openApi.document as never } });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list' },
    uiHooks: { onRequest: (_req, _reply, done) => (openApi.ensure(), done()) },
  });
  app.get('/api/openapi.json', async () => (openApi.ensure(), openApi.document));

  for (const h of handlers) {
    const handle = pipelineHandler(h, services);
    const bodyLimit = UPLOAD_ACTIONS.has(h.contract.name) ? services.config.attachments.uploadBodyLimit : services.config.bodyLimit;
    app.post(`/api/${h.contract.name}`, { bodyLimit }, handle);
    if (h.contract.kind === 'query') app.get(`/api/${h.contract.name}`, handle);
  }

  // OpenID Connect login redirects (only when SISO_OIDC_ISSUER is set).
  if (services.config.oidc) {
    // Loaded only when configured: openid-client is not part of a start without it.
    const { oidcRoutes } = await import('../auth/oidc/oidc-routes.js');
    await app.register(oidcRoutes, { services });
  }

  const webDist = webDistDir.pathname;
  const serveWeb = opts.serveWeb !== false && fs.existsSync(`${webDist}/index.html`);
  if (serveWeb) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((req, reply) => {
    // Unknown actions are 404 not_found; any other path is a route of the single-page app.
    if (req.url.startsWith('/api/') || !serveWeb || req.method !== 'GET') {
      const err = new AppError('not_found');
      return reply.code(404).send(errorBody(err, localeOf(req.headers['accept-language']), req.id));
    }
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
