import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration, parsed once at boot from the environment (docs/configuration.md lists every key).
 * A bad value stops the process with a readable list of problems instead of failing later.
 */
const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** ANPR use cases with a PDND purpose (docs/registry.md). */
const ANPR_USE_CASES = ['C001', 'C003', 'C015', 'C020', 'C021', 'C030'] as const;

/** SISO_PDND_PURPOSE_ID: one purpose id for every e-service, or `C030=<id>,C021=<id>,…` per use case. */
function purposeIds(v: string | undefined): Record<string, string> | null {
  if (!v) return {};
  if (!v.includes('=')) return /^[\w-]+$/.test(v.trim()) ? Object.fromEntries(ANPR_USE_CASES.map((c) => [c, v.trim()])) : null;
  const pairs = v.split(',').map((p) => p.split('=').map((x) => x.trim()));
  const ok = pairs.every((p) => p.length === 2 && (ANPR_USE_CASES as readonly string[]).includes(p[0] ?? '') && /^[\w-]+$/.test(p[1] ?? ''));
  return ok ? Object.fromEntries(pairs) : null;
}

/**
 * SISO_TRUSTED_PROXIES: comma-separated IPv4/IPv6 addresses or CIDR ranges whose X-Forwarded-For is
 * believed; null when an entry is neither.
 */
function trustedProxies(v: string | undefined): string[] | null {
  const entries = (v ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '');
  const valid = entries.every((e) => {
    const [address = '', prefix, ...rest] = e.split('/');
    const family = net.isIP(address);
    if (family === 0 || rest.length > 0) return false;
    if (prefix === undefined) return true;
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
  });
  return valid ? entries : null;
}

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'deve iniziare con postgres:// (vuoto = database integrato)')
      .optional(),
    SISO_DATA_DIR: z.string().default('./data'),
    SISO_DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    SISO_DEMO: bool.optional(),
    SISO_DEMO_PASSWORD: z.string().min(8).default('demo-siso-2026'),
    SISO_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    SISO_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
    SISO_SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
    SISO_COOKIE_SECURE: bool.optional(),
    // Reverse proxies whose X-Forwarded-* headers are believed (docs/configuration.md); none by default.
    SISO_TRUSTED_PROXIES: z.string().refine((v) => trustedProxies(v) !== null, 'indirizzi IP o reti CIDR separati da virgole (es. 127.0.0.1,10.0.0.0/8)').optional(),
    SISO_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
    SISO_JOBS: bool.default(true),
    SISO_MAIL_TRANSPORT: z.enum(['smtp', 'file', 'memory']).optional(),
    SISO_MAIL_FROM: z.string().default('SISO <noreply@siso.invalid>'),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'deve iniziare con smtp:// o smtps://').optional(),
    SISO_PUBLIC_URL: z.url().default('http://localhost:3000'),
    SISO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // Readable lines on a terminal, JSON lines otherwise (auto); pretty or json force one.
    SISO_LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
    // Key of the AES-256-GCM encryption of TOTP secrets and OIDC state (GDPR art. 32): base64 of 32 bytes.
    SISO_SECRET_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'deve essere 32 byte in base64 (openssl rand -base64 32)')
      .optional(),
    // Lockout after consecutive failed logins (OWASP ASVS 2.2.1).
    SISO_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
    SISO_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    // Regional counts below this are suppressed (SISTAN deontological rules, art. 4(1)(a): at least 3).
    SISO_SMALL_COUNT_THRESHOLD: z.coerce.number().int().min(3).max(100).default(5),
    SISO_OIDC_ISSUER: z.url().optional(),
    SISO_OIDC_CLIENT_ID: z.string().optional(),
    SISO_OIDC_CLIENT_SECRET: z.string().optional(),
    SISO_OIDC_REDIRECT_URI: z.url().optional(),
    SISO_OIDC_FISCAL_CODE_CLAIM: z.string().default('fiscal_number'),
    SISO_OIDC_SCOPES: z.string().default('openid profile'),
    SISO_OIDC_MFA_TRUSTED: bool.default(false),
    // Population registry (docs/registry.md): ANPR via PDND, a municipal registry, the simulator, or none.
    SISO_REGISTRY: z.enum(['none', 'anpr', 'municipal', 'simulator']).optional(),
    SISO_REGISTRY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
    SISO_ANPR_BASE_URL: z.url().default('https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR-PDND'),
    SISO_ANPR_AUDIENCE: z.url().optional(),
    SISO_PDND_TOKEN_URL: z.url().default('https://auth.uat.interop.pagopa.it/token.oauth2'),
    SISO_PDND_AUDIENCE: z.string().optional(),
    SISO_PDND_CLIENT_ID: z.string().optional(),
    SISO_PDND_KEY_ID: z.string().optional(),
    SISO_PDND_PRIVATE_KEY_FILE: z.string().optional(),
    SISO_PDND_PURPOSE_ID: z.string().refine((v) => purposeIds(v) !== null, 'un id di finalità, oppure C030=<id>,C021=<id>,…').optional(),
    SISO_MUNICIPAL_REGISTRY_URL: z.url().optional(),
    SISO_MUNICIPAL_REGISTRY_API_KEY: z.string().optional(),
    // Attachments of service requests and signed privacy forms (issue 5; docs/configuration.md).
    SISO_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(15 * 1024 * 1024).default(10 * 1024 * 1024),
    SISO_ATTACHMENT_DIR: z.string().optional(),
    SISO_ATTACHMENT_SCAN_COMMAND: z.string().optional(),
    // Body limit of the actions that carry attachments as base64 (the others keep SISO_BODY_LIMIT_BYTES).
    SISO_UPLOAD_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(200 * 1024 * 1024).default(32 * 1024 * 1024),
  })
  .transform((c) => {
    const production = c.NODE_ENV === 'production';
    return {
      env: c.NODE_ENV,
      production,
      port: c.PORT,
      host: c.HOST,
      databaseUrl: c.DATABASE_URL,
      dataDir: path.resolve(c.SISO_DATA_DIR),
      poolMax: c.SISO_DB_POOL_MAX,
      // The demo seed refuses to run in production unless explicitly asked (access issue).
      demo: c.SISO_DEMO ?? !production,
      demoExplicit: c.SISO_DEMO === true,
      demoPassword: c.SISO_DEMO_PASSWORD,
      session: {
        idleMinutes: c.SISO_SESSION_IDLE_MINUTES,
        absoluteHours: c.SISO_SESSION_ABSOLUTE_HOURS,
        cacheSeconds: c.SISO_SESSION_CACHE_SECONDS,
      },
      cookieSecure: c.SISO_COOKIE_SECURE ?? production,
      trustedProxies: trustedProxies(c.SISO_TRUSTED_PROXIES) ?? [],
      bodyLimit: c.SISO_BODY_LIMIT_BYTES,
      jobs: c.SISO_JOBS,
      mail: {
        // Nothing leaves the machine unless SMTP is configured: development writes .eml files.
        transport: c.SISO_MAIL_TRANSPORT ?? (c.SMTP_URL ? 'smtp' : 'file'),
        from: c.SISO_MAIL_FROM,
        smtpUrl: c.SMTP_URL,
      },
      publicUrl: c.SISO_PUBLIC_URL,
      logLevel: c.SISO_LOG_LEVEL,
      logFormat: c.SISO_LOG_FORMAT,
      secretKey: c.SISO_SECRET_KEY,
      lockout: { attempts: c.SISO_LOCKOUT_ATTEMPTS, minutes: c.SISO_LOCKOUT_MINUTES },
      registry: {
        // The demo "loads from ANPR" through the in-process simulator; otherwise no registry unless chosen.
        kind: c.SISO_REGISTRY ?? ((c.SISO_DEMO ?? !production) ? 'simulator' : 'none'),
        timeoutMs: c.SISO_REGISTRY_TIMEOUT_MS,
        anpr: {
          baseUrl: c.SISO_ANPR_BASE_URL,
          audience: c.SISO_ANPR_AUDIENCE ?? null,
          tokenUrl: c.SISO_PDND_TOKEN_URL,
          assertionAudience: c.SISO_PDND_AUDIENCE ?? null,
          clientId: c.SISO_PDND_CLIENT_ID ?? null,
          keyId: c.SISO_PDND_KEY_ID ?? null,
          privateKeyFile: c.SISO_PDND_PRIVATE_KEY_FILE ? path.resolve(c.SISO_PDND_PRIVATE_KEY_FILE) : null,
          purposeIds: purposeIds(c.SISO_PDND_PURPOSE_ID) ?? {},
        },
        municipal: { url: c.SISO_MUNICIPAL_REGISTRY_URL ?? null, apiKey: c.SISO_MUNICIPAL_REGISTRY_API_KEY ?? null },
      },
      smallCountThreshold: c.SISO_SMALL_COUNT_THRESHOLD,
      attachments: {
        maxBytes: c.SISO_ATTACHMENT_MAX_BYTES,
        // Unset: bytes in the database (backed up with it); set: files named by attachment id.
        dir: c.SISO_ATTACHMENT_DIR ? path.resolve(c.SISO_ATTACHMENT_DIR) : null,
        scanCommand: c.SISO_ATTACHMENT_SCAN_COMMAND?.trim() || null,
        uploadBodyLimit: Math.max(c.SISO_UPLOAD_BODY_LIMIT_BYTES, c.SISO_BODY_LIMIT_BYTES),
      },
      oidc: c.SISO_OIDC_ISSUER
        ? {
            issuer: c.SISO_OIDC_ISSUER,
            clientId: c.SISO_OIDC_CLIENT_ID ?? '',
            clientSecret: c.SISO_OIDC_CLIENT_SECRET,
            redirectUri: c.SISO_OIDC_REDIRECT_URI ?? `${c.SISO_PUBLIC_URL.replace(/\/$/, '')}/api/auth/oidc/callback`,
            fiscalCodeClaim: c.SISO_OIDC_FISCAL_CODE_CLAIM,
            scopes: c.SISO_OIDC_SCOPES,
            mfaTrusted: c.SISO_OIDC_MFA_TRUSTED,
          }
        : null,
    } as const;
  })
  .superRefine((c, ctx) => {
    if (c.mail.transport === 'smtp' && !c.mail.smtpUrl) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'obbligatorio con SISO_MAIL_TRANSPORT=smtp' });
    }
    // Generated into SISO_DATA_DIR/secret.key outside production; an operator must set it in production.
    if (c.production && !c.secretKey) {
      ctx.addIssue({ code: 'custom', path: ['SISO_SECRET_KEY'], message: 'obbligatorio in produzione (openssl rand -base64 32)' });
    }
    const r = c.registry;
    if (r.kind === 'anpr') {
      const missing: Array<[string, unknown]> = [['SISO_PDND_CLIENT_ID', r.anpr.clientId], ['SISO_PDND_KEY_ID', r.anpr.keyId], ['SISO_PDND_PRIVATE_KEY_FILE', r.anpr.privateKeyFile], ['SISO_PDND_PURPOSE_ID', Object.keys(r.anpr.purposeIds).length > 0]];
      for (const [key, v] of missing) if (!v) ctx.addIssue({ code: 'custom', path: [key], message: 'obbligatorio con SISO_REGISTRY=anpr' });
    }
    if (r.kind === 'municipal') {
      if (!r.municipal.url) ctx.addIssue({ code: 'custom', path: ['SISO_MUNICIPAL_REGISTRY_URL'], message: 'obbligatorio con SISO_REGISTRY=municipal' });
      if (!r.municipal.apiKey) ctx.addIssue({ code: 'custom', path: ['SISO_MUNICIPAL_REGISTRY_API_KEY'], message: 'obbligatorio con SISO_REGISTRY=municipal' });
    }
    if (r.kind === 'simulator' && c.production && !c.demoExplicit) {
      ctx.addIssue({ code: 'custom', path: ['SISO_REGISTRY'], message: 'il simulatore ANPR (dati sintetici) non è ammesso in produzione senza SISO_DEMO=1' });
    }
    if (c.oidc && !c.oidc.clientId) {
      ctx.addIssue({ code: 'custom', path: ['SISO_OIDC_CLIENT_ID'], message: 'obbligatorio con SISO_OIDC_ISSUER' });
    }
  });

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configurazione non valida:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads the configuration; throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`));
  }
  return parsed.data;
}
