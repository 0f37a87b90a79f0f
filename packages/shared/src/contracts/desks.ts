import { z } from 'zod';
import { dateOnly, pageInput, pageOf, uuid, version } from '../wire/primitives.js';
import { defineAction } from './define.js';
import { deskKinds, intakeSections } from './intake-common.js';
import { intakeSummary, transferView, proposalView } from './intake.js';
import { abilities, profileFieldClasses } from './organisation-common.js';

/** Desk configuration (issue 5, point 6). */
export const deskConfigInput = z.object({
  kind: z.enum(deskKinds),
  /** Thematic desks (ADI, RdC/ADI, Home Care Premium…): the code their extra fields apply to. */
  thematicCode: z.string().trim().regex(/^[a-z][a-z0-9_]{0,59}$/, 'invalid_format').nullable().default(null),
  mandatorySections: z.array(z.enum(intakeSections)).max(intakeSections.length),
  /** Profile codes whose holders cannot open this desk nor read its notes. */
  excludedProfiles: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  /** Masking profile: the classes this desk may read at most (null = the office type's policy). */
  readableClasses: z.array(z.enum(profileFieldClasses)).nullable().default(null),
  proposalTarget: z.enum(['ente', 'capofila']).default('ente'),
  privacyPerDesk: z.boolean().default(false),
  /** E-mail template for sending a scheda: {{number}}, {{fromOffice}}, {{toOffice}}, {{message}}, {{link}}. */
  emailSubject: z.string().trim().max(200).nullable().default(null),
  emailBody: z.string().trim().max(5000).nullable().default(null),
  /** Third-sector offices that record schede for this desk. */
  accessPoints: z.array(uuid).max(100).default([]),
});

export const deskView = deskConfigInput.extend({
  officeId: uuid,
  officeName: z.string(),
  officeType: z.string(),
  officeEmail: z.string().nullable(),
  enteId: uuid,
  enteName: z.string(),
  ambitoId: uuid.nullable(),
  ambitoName: z.string().nullable(),
  /** The desk's contact points (punti di contatto), for the Accesso section of a new scheda. */
  contactPoints: z.array(z.object({ id: uuid, name: z.string() })),
  /** False when the desk has no configuration yet (defaults shown). */
  configured: z.boolean(),
  version: version.nullable(),
  abilities,
});
export type DeskView = z.infer<typeof deskView>;

export const deskCounters = z.object({
  officeId: uuid,
  from: dateOnly,
  to: dateOnly,
  complete: z.number().int(),
  incomplete: z.number().int(),
  sent: z.number().int(),
  received: z.number().int(),
  refused: z.number().int(),
  proposals: z.number().int(),
});
export type DeskCounters = z.infer<typeof deskCounters>;

export const desksFind = defineAction({
  name: 'desks.find',
  kind: 'query',
  access: 'context',
  summary: "Sportelli dell'ambito con la loro configurazione (anche destinazioni possibili di un invio)",
  input: pageInput.extend({
    /** `destinations`: every desk a scheda may be sent to (all ambiti of the region), for operators. */
    purpose: z.enum(['configure', 'destinations']).default('configure'),
    q: z.string().trim().max(100).optional(),
  }),
  output: pageOf(deskView),
});

export const desksConfigure = defineAction({
  name: 'desks.configure',
  kind: 'mutation',
  access: 'context',
  summary: 'Configura uno sportello: tipo, sezioni obbligatorie, profili esclusi, mascheramento, modello e-mail, punti di accesso',
  input: deskConfigInput.extend({ officeId: uuid, version: version.nullable() }),
  output: deskView,
});

export const desksHome = defineAction({
  name: 'desks.home',
  kind: 'query',
  access: 'context',
  summary: "Pagina iniziale dello sportello corrente: schede di oggi e incomplete, schede ricevute, contatori del mese",
  input: z.object({}),
  output: z.object({
    desk: deskView,
    today: z.array(intakeSummary),
    incomplete: z.array(intakeSummary),
    received: z.array(transferView),
    proposals: z.array(proposalView),
    counters: deskCounters,
  }),
});

export const desksCounters = defineAction({
  name: 'desks.counters',
  kind: 'query',
  access: 'context',
  summary: 'Contatori di uno sportello per periodo: complete, incomplete, inviate, ricevute, rifiutate, proposte',
  input: z.object({ officeId: uuid.optional(), from: dateOnly, to: dateOnly }).refine((i) => i.from <= i.to, { message: 'periodo_non_valido', path: ['to'] }),
  output: deskCounters,
});

export const desksContracts = {
  [desksFind.name]: desksFind,
  [desksConfigure.name]: desksConfigure,
  [desksHome.name]: desksHome,
  [desksCounters.name]: desksCounters,
} as const;
