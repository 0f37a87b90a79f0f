import { z } from 'zod';
import { officeTypes, professionalTypes } from '../organisation.js';
import { dateOnly, pageInput, pageOf, timestamp, uuid, version } from '../wire/primitives.js';
import { maskable } from '../wire/masked.js';
import { defineAction } from './define.js';
import { abilities } from './organisation-common.js';

export const assignmentView = z.object({
  id: uuid,
  ambitoId: uuid.nullable(),
  enteId: uuid,
  enteName: z.string(),
  officeId: uuid,
  officeName: z.string(),
  officeType: z.enum(officeTypes),
  professionalType: z.enum(professionalTypes),
  validFrom: dateOnly,
  validTo: dateOnly.nullable(),
  profiles: z.array(z.object({ id: uuid, code: z.string(), name: z.string() })),
  version,
});
export type AssignmentView = z.infer<typeof assignmentView>;

/** An operator account. Fiscal code and e-mail are class `personal`: masked for profiles that cannot read it. */
export const operatorView = z.object({
  id: uuid,
  username: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  fiscalCode: maskable(z.string().nullable()),
  email: maskable(z.string().nullable()),
  locale: z.enum(['it', 'en']),
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
  /** An authenticator app is set up (TOTP, RFC 6238); operators.resetTotp clears it. */
  totpEnabled: z.boolean(),
  disabled: z.boolean(),
  lastLoginAt: timestamp.nullable(),
  version,
  abilities,
  assignments: z.array(assignmentView),
});
export type OperatorView = z.infer<typeof operatorView>;

const fiscalCode = z.string().trim().toUpperCase().regex(/^[A-Z0-9]{16}$/, 'invalid_format');

/** An assignment to write: operator × office × professional type, validity-dated, with its profiles. */
export const assignmentInput = z
  .object({
    id: uuid.optional(),
    version: version.optional(),
    officeId: uuid,
    professionalType: z.enum(professionalTypes),
    validFrom: dateOnly,
    validTo: dateOnly.nullable().optional(),
    profileIds: z.array(uuid).min(1).max(10),
  })
  .refine((a) => !a.validTo || a.validTo >= a.validFrom, { message: 'date_invertite', path: ['validTo'] });
export type AssignmentInput = z.infer<typeof assignmentInput>;

export const operatorsFind = defineAction({
  name: 'operators.find',
  kind: 'query',
  access: 'context',
  summary: "Ricerca degli operatori con assegnazioni nell'ambito (lettura registrata)",
  input: pageInput.extend({ q: z.string().trim().max(100).optional(), officeId: uuid.optional() }),
  output: pageOf(operatorView),
});

export const operatorsGet = defineAction({
  name: 'operators.get',
  kind: 'query',
  access: 'context',
  summary: 'Un operatore con le sue assegnazioni (lettura registrata)',
  input: z.object({ id: uuid }),
  output: operatorView,
});

export const operatorsCreate = defineAction({
  name: 'operators.create',
  secretOutput: true,
  kind: 'mutation',
  access: 'context',
  summary: 'Crea un operatore con la prima assegnazione e una password temporanea (mostrata una sola volta)',
  input: z.object({
    username: z.string().trim().min(3).max(60).regex(/^[A-Za-z0-9._-]+$/, 'invalid_format'),
    givenName: z.string().trim().min(1).max(100),
    familyName: z.string().trim().min(1).max(100),
    fiscalCode: fiscalCode.nullable().optional(),
    email: z.email().max(200).nullable().optional(),
    locale: z.enum(['it', 'en']).default('it'),
    assignment: assignmentInput,
  }),
  output: z.object({ operator: operatorView, temporaryPassword: z.string() }),
});

export const operatorsUpdate = defineAction({
  name: 'operators.update',
  kind: 'mutation',
  access: 'context',
  summary: "Modifica i dati di un operatore e le sue assegnazioni nell'ambito (date di validità, profili)",
  input: z.object({
    id: uuid,
    version,
    givenName: z.string().trim().min(1).max(100).optional(),
    familyName: z.string().trim().min(1).max(100).optional(),
    fiscalCode: fiscalCode.nullable().optional(),
    email: z.email().max(200).nullable().optional(),
    locale: z.enum(['it', 'en']).optional(),
    disabled: z.boolean().optional(),
    /** Assignments to add (no id) or change (id + version); ending one means setting validTo. */
    assignments: z.array(assignmentInput).max(20).optional(),
  }),
  output: operatorView,
});

export const operatorsUnlock = defineAction({
  name: 'operators.unlock',
  kind: 'mutation',
  access: 'context',
  summary: "Sblocca un operatore bloccato dai tentativi di accesso falliti",
  input: z.object({ id: uuid }),
  output: operatorView,
});

export const operatorsResetPassword = defineAction({
  name: 'operators.resetPassword',
  secretOutput: true,
  kind: 'mutation',
  access: 'context',
  summary: 'Genera una password temporanea (mostrata una sola volta), obbliga al cambio e chiude le sessioni',
  input: z.object({ id: uuid }),
  output: z.object({ operator: operatorView, temporaryPassword: z.string() }),
});

/**
 * An administrator clears a lost or compromised authenticator: the operator enrols a new one at the
 * next login when a profile requires TOTP (the operator cannot replace an enabled one on their own).
 */
export const operatorsResetTotp = defineAction({
  name: 'operators.resetTotp',
  kind: 'mutation',
  access: 'context',
  summary: "Azzera l'autenticazione a due fattori di un operatore (nuova attivazione al prossimo accesso) e chiude le sessioni",
  input: z.object({ id: uuid }),
  output: operatorView,
});

export const operatorsContracts = {
  [operatorsFind.name]: operatorsFind,
  [operatorsGet.name]: operatorsGet,
  [operatorsCreate.name]: operatorsCreate,
  [operatorsUpdate.name]: operatorsUpdate,
  [operatorsUnlock.name]: operatorsUnlock,
  [operatorsResetPassword.name]: operatorsResetPassword,
  [operatorsResetTotp.name]: operatorsResetTotp,
} as const;
