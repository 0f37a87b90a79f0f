import { z } from 'zod';
import { defineAction } from './define.js';

/**
 * The alert types an operator can tune, with their defaults (in-app on; e-mail only where a missed
 * alert costs time, e.g. a failed manual job). Modules add their types here.
 */
export const alertTypeDefaults = {
  'job.succeeded': { inApp: true, email: false },
  'job.failed': { inApp: true, email: true },
  /** A registry (ANPR) change of a person followed: moved, died, new household… (issue 4, point 8). */
  'registry.change': { inApp: true, email: false },
  /** A scheda sent to the operator's desk by another desk (issue 5, point 4): waiting to be accepted or refused. */
  'intake.received': { inApp: true, email: true },
  /** A scheda the operator's desk sent was refused by the destination, with the reason. */
  'intake.refused': { inApp: true, email: false },
  /** A proposal to take charge for the operator's professional social service (issue 5, point 5). */
  'intake.proposal': { inApp: true, email: true },
  /** A proposal to take charge made from the operator's desk was rejected with a note. */
  'intake.proposalRejected': { inApp: true, email: false },
} as const satisfies Record<string, { inApp: boolean; email: boolean }>;

export const alertTypes = Object.keys(alertTypeDefaults) as [keyof typeof alertTypeDefaults, ...(keyof typeof alertTypeDefaults)[]];
export type AlertType = keyof typeof alertTypeDefaults;

export const alertPreference = z.object({
  type: z.enum(alertTypes),
  inApp: z.boolean(),
  email: z.boolean(),
});
export type AlertPreference = z.infer<typeof alertPreference>;

export const alertsGetPreferences = defineAction({
  name: 'alerts.getPreferences',
  kind: 'query',
  access: 'context',
  summary: 'Preferenze di notifica per tipo di avviso (in-app, e-mail)',
  input: z.object({}),
  output: z.object({ items: z.array(alertPreference) }),
});

export const alertsSetPreferences = defineAction({
  name: 'alerts.setPreferences',
  kind: 'mutation',
  access: 'context',
  summary: 'Imposta le preferenze di notifica indicate',
  input: z.object({ items: z.array(alertPreference).min(1).max(100) }),
  output: z.object({ items: z.array(alertPreference) }),
});
