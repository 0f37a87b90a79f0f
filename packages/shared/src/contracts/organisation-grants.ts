import { z } from 'zod';
import { dateOnly, pageInput, pageOf, timestamp, uuid } from '../wire/primitives.js';
import { plainText } from '../wire/input-hygiene.js';
import { defineAction } from './define.js';
import { abilities } from './organisation-common.js';

/** Records that can be shared through an access grant (architecture: "Access grants"); `person` (third-sector access) and `protectedPerson` (who may see a protected person's whereabouts, issue 4) come from the registry. */
export const grantRecordKinds = ['case', 'intakeRecord', 'delivery', 'person', 'protectedPerson'] as const;
export const grantSubjectKinds = ['operator', 'office', 'ente'] as const;

export const grantView = z.object({
  id: uuid,
  recordKind: z.enum(grantRecordKinds),
  recordId: uuid,
  subjectKind: z.enum(grantSubjectKinds),
  subjectId: uuid,
  purpose: z.string(),
  validFrom: dateOnly,
  validTo: dateOnly.nullable(),
  hideInfoFrom: uuid.nullable(),
  /** Read-only (false) or with writing (true): the write rule honours a grant in force with writing (issue 11). */
  canWrite: z.boolean(),
  grantedBy: uuid.nullable(),
  createdAt: timestamp,
  revokedAt: timestamp.nullable(),
  abilities,
});
export type GrantView = z.infer<typeof grantView>;

/** Where a grant stands today (Europe/Rome): not yet in force, in force, past its end, revoked. */
export const grantStatuses = ['scheduled', 'active', 'expired', 'revoked'] as const;

/** A share as lists show it: the grant with the names of whom it reaches and who made it (never bare ids on screen). */
export const grantListItem = grantView.extend({
  status: z.enum(grantStatuses),
  subjectName: z.string(),
  /** Where the subject works: an operator's office and ente, an office's ente; null for an ente. */
  subjectDetail: z.string().nullable(),
  grantedByName: z.string().nullable(),
  hideInfoFromName: z.string().nullable(),
});
export type GrantListItem = z.infer<typeof grantListItem>;

export const grantsCreate = defineAction({
  name: 'grants.create',
  kind: 'mutation',
  access: 'context',
  summary: "Concede a un operatore, ufficio o ente un accesso a tempo a un record visibile a chi concede",
  input: z
    .object({
      recordKind: z.enum(grantRecordKinds),
      recordId: uuid,
      subjectKind: z.enum(grantSubjectKinds),
      subjectId: uuid,
      purpose: z.string().trim().min(5).max(500),
      validFrom: dateOnly,
      validTo: dateOnly.nullable().optional(),
      /** "Nascondi informazioni": the granting office's items stay hidden from the subject. */
      hideInfoFrom: uuid.nullable().optional(),
      /** With writing: given only by who may write the record themselves. */
      canWrite: z.boolean().default(false),
    })
    .refine((g) => !g.validTo || g.validTo >= g.validFrom, { message: 'date_invertite', path: ['validTo'] }),
  output: grantView,
});

export const grantsRevoke = defineAction({
  name: 'grants.revoke',
  kind: 'mutation',
  access: 'context',
  summary: "Revoca un accesso concesso dall'ente",
  input: z.object({ id: uuid }),
  output: grantView,
});

export const grantsFind = defineAction({
  name: 'grants.find',
  kind: 'query',
  access: 'context',
  summary: "Condivisioni di un record (a chi ne è titolare), o tutte quelle dell'ambito per il DPO, le più recenti prima",
  input: pageInput
    .extend({
      recordKind: z.enum(grantRecordKinds).optional(),
      recordId: uuid.optional(),
      /** Only grants in force or still to come (not revoked, not past their end). */
      current: z.boolean().optional(),
    })
    .refine((i) => (i.recordKind === undefined) === (i.recordId === undefined), { message: 'record_incompleto', path: ['recordId'] }),
  output: pageOf(grantListItem),
});

export const grantSubject = z.object({ kind: z.enum(grantSubjectKinds), id: uuid, name: z.string(), detail: z.string().nullable() });
export type GrantSubject = z.infer<typeof grantSubject>;

export const grantsSubjects = defineAction({
  name: 'grants.subjects',
  kind: 'query',
  access: 'context',
  summary: 'Operatori, uffici o enti della regione con cui condividere un record, cercati per nome',
  input: z.object({ kind: z.enum(grantSubjectKinds), q: plainText(100).optional() }),
  output: z.object({ items: z.array(grantSubject) }),
});

export const grantsContracts = {
  [grantsCreate.name]: grantsCreate,
  [grantsRevoke.name]: grantsRevoke,
  [grantsFind.name]: grantsFind,
  [grantsSubjects.name]: grantsSubjects,
} as const;
