import { z } from 'zod';
import { pageInput, pageOf, timestamp, uuid } from '../wire/primitives.js';
import { defineAction } from './define.js';

/** Classes that break-the-glass can open (public data is never masked). */
export const breakGlassClasses = ['personal', 'special', 'judicial', 'reserved', 'foreigner'] as const;

export const breakGlassOpen = defineAction({
  name: 'breakGlass.open',
  kind: 'mutation',
  access: 'context',
  summary: "Accesso d'emergenza: apre per un tempo limitato classi di dati mascherate di un record, con motivazione scritta",
  input: z.object({
    recordKind: z.string().min(1).max(50),
    recordId: uuid,
    classes: z.array(z.enum(breakGlassClasses)).min(1).max(5),
    reason: z.string().trim().min(20, 'motivazione_breve').max(2000),
    minutes: z.number().int().min(5).max(240).default(60),
  }),
  output: z.object({ id: uuid, expiresAt: timestamp, classes: z.array(z.enum(breakGlassClasses)) }),
});

/** An emergency access as lists show it: who opened what, why, until when, and whether it is still open. */
export const breakGlassItem = z.object({
  id: uuid,
  recordKind: z.string(),
  recordId: uuid,
  classes: z.array(z.enum(breakGlassClasses)),
  reason: z.string(),
  openedAt: timestamp,
  expiresAt: timestamp,
  open: z.boolean(),
  operatorName: z.string(),
  officeName: z.string(),
  enteName: z.string(),
});
export type BreakGlassItem = z.infer<typeof breakGlassItem>;

export const breakGlassFind = defineAction({
  name: 'breakGlass.find',
  kind: 'query',
  access: 'context',
  summary: "Accessi d'emergenza aperti e passati: i propri, o tutti quelli dell'ambito per il DPO; con le classi che il profilo può aprire",
  input: pageInput
    .extend({
      recordKind: z.string().min(1).max(50).optional(),
      recordId: uuid.optional(),
      /** Only those still open (true), only those closed (false), or both. */
      open: z.boolean().optional(),
    })
    .refine((i) => (i.recordKind === undefined) === (i.recordId === undefined), { message: 'record_incompleto', path: ['recordId'] }),
  output: pageOf(breakGlassItem).extend({
    /** The classes the actor does not read where they work now: what an emergency access could open. */
    openable: z.array(z.enum(breakGlassClasses)),
  }),
});
