import { z } from 'zod';
import { uuid } from '../wire/primitives.js';
import { defineAction } from './define.js';
import { officeTypes, professionalTypes } from '../organisation.js';

export const operatorSummary = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
});

export const workContext = z.object({
  assignmentId: uuid,
  regioneId: uuid,
  ambitoId: uuid.nullable(),
  ambitoName: z.string().nullable(),
  enteId: uuid,
  enteName: z.string(),
  officeId: uuid,
  officeName: z.string(),
  officeType: z.enum(officeTypes),
  professionalType: z.enum(professionalTypes),
});
export type WorkContext = z.infer<typeof workContext>;

/**
 * Where a session stands (architecture, "Session"): `ok` is a full session; the others can call only
 * auth.me, auth.logout and the action that completes the step (auth.verifyTotp or auth.enrollTotp +
 * auth.confirmTotp; auth.changePassword).
 */
export const loginStatus = z.enum(['ok', 'totp_required', 'password_change_required']);
export type LoginStatus = z.infer<typeof loginStatus>;

const sessionView = z.object({
  /** Defaults keep older clients and fixtures valid: a view without status is a full session. */
  status: loginStatus.default('ok'),
  /** Whether the operator has a confirmed TOTP authenticator (else a totp_required session must enrol). */
  totpEnabled: z.boolean().default(false),
  operator: operatorSummary,
  /** The chosen ente and office; null until `auth.selectContext` (then actions answer context_required). */
  context: workContext.nullable(),
  contexts: z.array(workContext),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
});
export type SessionView = z.infer<typeof sessionView>;

export const authLogin = defineAction({
  name: 'auth.login',
  kind: 'mutation',
  access: 'public',
  summary: 'Accesso con nome utente e password',
  input: z.object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
  }),
  output: sessionView.extend({ status: loginStatus }),
});

export const authMe = defineAction({
  name: 'auth.me',
  kind: 'query',
  access: 'session',
  summary: "Operatore, contesto corrente e nuovo token CSRF (dopo un ricaricamento della pagina)",
  input: z.object({}),
  output: sessionView,
});

export const authSelectContext = defineAction({
  name: 'auth.selectContext',
  kind: 'mutation',
  access: 'session',
  summary: "Scelta dell'ente e dell'ufficio di lavoro; ruota l'identificativo di sessione",
  input: z.object({ enteId: uuid, officeId: uuid }),
  output: sessionView,
});

export const authLogout = defineAction({
  name: 'auth.logout',
  kind: 'mutation',
  access: 'session',
  summary: 'Uscita: chiude la sessione corrente',
  input: z.object({}),
  output: z.object({ ok: z.literal(true) }),
});

/** A six-digit code from the authenticator app (RFC 6238); spaces typed by the user are dropped. */
const totpCode = z
  .string()
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'codice_totp_formato'));

export const authConfig = defineAction({
  name: 'auth.config',
  kind: 'query',
  access: 'public',
  summary: 'Modalità di accesso disponibili (password, SPID/CIE tramite OpenID Connect)',
  input: z.object({}),
  output: z.object({ oidc: z.boolean(), passwordLogin: z.boolean() }),
});

export const authVerifyTotp = defineAction({
  name: 'auth.verifyTotp',
  kind: 'mutation',
  access: 'session',
  summary: 'Secondo fattore: verifica del codice TOTP dopo la password',
  input: z.object({ code: totpCode }),
  output: sessionView,
});

export const authEnrollTotp = defineAction({
  name: 'auth.enrollTotp',
  kind: 'mutation',
  access: 'session',
  summary: "Attivazione dell'autenticazione a due fattori: nuovo segreto TOTP da confermare",
  input: z.object({}),
  output: z.object({ uri: z.string(), secret: z.string() }),
});

export const authConfirmTotp = defineAction({
  name: 'auth.confirmTotp',
  kind: 'mutation',
  access: 'session',
  summary: "Conferma dell'attivazione TOTP con un primo codice generato dall'app",
  input: z.object({ code: totpCode }),
  output: sessionView,
});

export const authChangePassword = defineAction({
  name: 'auth.changePassword',
  kind: 'mutation',
  access: 'session',
  summary: 'Cambio della password; chiude le altre sessioni e ruota quella corrente',
  input: z.object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(1).max(200),
  }),
  output: sessionView,
});

export const sessionInfo = z.object({
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const authSessions = defineAction({
  name: 'auth.sessions',
  kind: 'query',
  access: 'session',
  summary: "Sessioni attive dell'operatore (dispositivi)",
  input: z.object({}),
  output: z.object({ items: z.array(sessionInfo) }),
});

export const authLogoutEverywhere = defineAction({
  name: 'auth.logoutEverywhere',
  kind: 'mutation',
  access: 'session',
  summary: "Uscita da tutti i dispositivi: chiude ogni sessione dell'operatore, compresa la corrente",
  input: z.object({}),
  output: z.object({ revoked: z.number().int() }),
});
