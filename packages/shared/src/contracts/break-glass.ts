import { z } from 'zod';
import { timestamp, uuid } from '../wire/primitives.js';
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
