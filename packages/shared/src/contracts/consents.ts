import { z } from 'zod';
import { dateOnly, timestamp, uuid } from '../wire/primitives.js';
import { maskable } from '../wire/masked.js';
import { defineAction } from './define.js';
import { attachmentInput, attachmentView, fileOutput, noticeModes, privacyStatuses, signerKinds } from './intake-common.js';
import { abilities } from './organisation-common.js';

/**
 * Privacy at the desk (issue 5, point 3). Social services process data by law and public interest
 * (GDPR art. 6(1)(e), 9(2)(b)(g)(h); Codice privacy art. 2-sexies), not on consent: the notice
 * (informativa, GDPR art. 13) is recorded as given; the optional consents the region configures
 * (list siso.consenso_facoltativo) are given or refused and withdrawable at any time (GDPR art. 7(3)).
 */
export const representative = z.object({
  surname: z.string().trim().min(1, 'required').max(100),
  name: z.string().trim().min(1, 'required').max(100),
  fiscalCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{16}$/, 'codice_fiscale_non_valido').nullable().optional(),
  /** The act that appoints a tutore or amministratore di sostegno (court, number, date). */
  appointment: z.string().trim().max(300).nullable().optional(),
});

export const signature = z.object({
  signerKind: z.enum(signerKinds).default('self'),
  representative: representative.nullable().optional(),
});

export const privacyNoticeView = z.object({
  id: uuid,
  enteName: z.string(),
  deskOfficeName: z.string().nullable(),
  givenOn: dateOnly,
  mode: z.enum(noticeModes),
  signerKind: z.enum(signerKinds),
  /** Personal data of the signer: masked for who may not read it (access/record-kind-rules.ts). */
  representative: maskable(representative.nullable()),
  document: attachmentView.nullable(),
  recordedByName: z.string(),
  createdAt: timestamp,
});

export const consentView = z.object({
  id: uuid,
  type: z.string(),
  typeLabel: z.string(),
  given: z.boolean(),
  givenOn: dateOnly,
  signerKind: z.enum(signerKinds),
  /** Personal data of the signer: masked for who may not read it (access/record-kind-rules.ts). */
  representative: maskable(representative.nullable()),
  recordedByName: z.string(),
  createdAt: timestamp,
  withdrawnAt: timestamp.nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawReason: maskable(z.string().nullable()),
  abilities,
});
export type ConsentView = z.infer<typeof consentView>;

export const privacyView = z.object({
  personId: uuid,
  status: z.enum(privacyStatuses),
  /** Notices of the actor's ente (and desk, where configured), newest first. */
  notices: z.array(privacyNoticeView),
  /** Consents in force and withdrawn, newest first. */
  consents: z.array(consentView),
  /** The optional consents the region offers. */
  consentTypes: z.array(z.object({ code: z.string(), label: z.string(), description: z.string().nullable() })),
  abilities,
});
export type PrivacyView = z.infer<typeof privacyView>;

export const consentsGet = defineAction({
  name: 'consents.get',
  kind: 'query',
  access: 'context',
  summary: "Stato privacy di una persona per l'ente: informativa consegnata e consensi facoltativi",
  input: z.object({ personId: uuid }),
  output: privacyView,
});

export const consentsRecord = defineAction({
  name: 'consents.record',
  kind: 'mutation',
  access: 'context',
  summary: "Registra l'informativa consegnata (con il modulo firmato) e i consensi facoltativi dati o negati",
  input: z
    .object({
      personId: uuid,
      intakeId: uuid.optional(),
      notice: signature
        .extend({
          givenOn: dateOnly,
          mode: z.enum(noticeModes),
          document: attachmentInput.optional(),
        })
        .optional(),
      consents: z
        .array(signature.extend({ type: z.string().trim().min(1).max(60), given: z.boolean(), givenOn: dateOnly }))
        .max(20)
        .default([]),
    })
    .refine((i) => i.notice || i.consents.length > 0, { message: 'niente_da_registrare', path: ['consents'] }),
  output: privacyView,
});

export const consentsWithdraw = defineAction({
  name: 'consents.withdraw',
  kind: 'mutation',
  access: 'context',
  summary: 'Revoca un consenso facoltativo (GDPR art. 7(3)); la revoca vale da subito',
  input: z.object({ consentId: uuid, reason: z.string().trim().min(3).max(500) }),
  output: privacyView,
});

export const consentsPrint = defineAction({
  name: 'consents.print',
  kind: 'query',
  access: 'context',
  summary: "Stampa l'informativa e il modulo dei consensi facoltativi (PDF) intestati all'ente, precompilati con la persona",
  input: z.object({ personId: uuid }),
  output: fileOutput,
});

export const consentsContracts = {
  [consentsGet.name]: consentsGet,
  [consentsRecord.name]: consentsRecord,
  [consentsWithdraw.name]: consentsWithdraw,
  [consentsPrint.name]: consentsPrint,
} as const;
