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

const sessionView = z.object({
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
  output: sessionView.extend({
    status: z.enum(['ok', 'totp_required', 'password_change_required']),
  }),
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
