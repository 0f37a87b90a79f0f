import { z } from 'zod';
import { dateOnly, timestamp, uuid } from '../wire/primitives.js';
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
  grantedBy: uuid.nullable(),
  createdAt: timestamp,
  revokedAt: timestamp.nullable(),
  abilities,
});
export type GrantView = z.infer<typeof grantView>;

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

export const grantsContracts = {
  [grantsCreate.name]: grantsCreate,
  [grantsRevoke.name]: grantsRevoke,
} as const;
