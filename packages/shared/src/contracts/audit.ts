import { z } from 'zod';
import { dateOnly, pageInput, pageOf, timestamp, uuid } from '../wire/primitives.js';
import { defineAction } from './define.js';

export const auditOutcome = z.enum(['ok', 'denied', 'failed']);

/**
 * Filters of the audit log (access issue, "audit"): operator (id or username), subject person,
 * target record, action (exact, or a prefix ending with a dot such as `auth.`), outcome and a period
 * of Europe/Rome days.
 */
export const auditFilters = z.object({
  operator: z.string().trim().min(1).max(100).optional(),
  person: uuid.optional(),
  recordKind: z.string().trim().min(1).max(50).optional(),
  recordId: uuid.optional(),
  action: z
    .string()
    .trim()
    .max(100)
    .regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]*)*$/, 'azione_non_valida')
    .optional(),
  outcome: auditOutcome.optional(),
  from: dateOnly.optional(),
  to: dateOnly.optional(),
});
export type AuditFilters = z.infer<typeof auditFilters>;

export const auditItem = z.object({
  seq: z.number().int(),
  time: timestamp,
  action: z.string(),
  outcome: auditOutcome,
  errorCode: z.string().nullable(),
  operator: z.object({ id: uuid, username: z.string(), name: z.string() }).nullable(),
  enteName: z.string().nullable(),
  officeName: z.string().nullable(),
  profiles: z.array(z.string()),
  subjects: z.array(uuid),
  targets: z.array(z.object({ kind: z.string(), id: z.string() })),
  classesRead: z.array(z.string()),
  classesChanged: z.array(z.string()),
  purpose: z.string().nullable(),
  requestId: z.string().nullable(),
  sealed: z.boolean(),
  chainPos: z.number().int().nullable(),
});
export type AuditItem = z.infer<typeof auditItem>;

export const auditFind = defineAction({
  name: 'audit.find',
  kind: 'query',
  access: 'context',
  summary: "Registro di audit dell'ambito, filtrato e paginato (per il DPO)",
  input: pageInput.extend(auditFilters.shape),
  output: pageOf(auditItem),
});

export const auditExport = defineAction({
  name: 'audit.export',
  kind: 'query',
  access: 'context',
  summary: "Esporta in CSV (separatore ';', UTF-8 con BOM) il registro di audit filtrato",
  input: auditFilters,
  output: z.object({ filename: z.string(), rows: z.number().int(), truncated: z.boolean(), csv: z.string() }),
});

export const auditBrokenLink = z.object({ chainPos: z.number().int(), seq: z.number().int().nullable(), reason: z.string() });

export const auditVerify = defineAction({
  name: 'audit.verify',
  kind: 'mutation',
  access: 'context',
  summary: "Sigilla le righe in attesa e verifica la catena di hash dell'ambito",
  input: z.object({}),
  output: z.object({
    chainKey: z.string(),
    ok: z.boolean(),
    rows: z.number().int(),
    sealedNow: z.number().int(),
    checkpoint: z.object({ chainPos: z.number().int(), signedAt: timestamp, rowsPruned: z.number().int() }).nullable(),
    firstBroken: auditBrokenLink.nullable(),
    verifiedAt: timestamp,
  }),
});
