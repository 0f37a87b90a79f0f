import crypto from 'node:crypto';
import { computeFiscalCode } from '@siso/shared';
import type { Owners } from './owner-ids.js';

/** The demo personas' published password (seed). */
export const DEMO_PASSWORD = 'demo-siso-2026';
/** A version no record has: updates of records an attacker may legitimately edit stay no-ops (409). */
export const STALE = 999_999;
export const REASON = 'Verifica di sicurezza tra enti diversi';

/**
 * The attacker: where it works, and records of its own (written through the API before the attack
 * when its profile may write them; otherwise ids nobody has), so bodies can pair "mine" with the
 * owners' ("merge your person into mine", "link your person to my scheda").
 */
export interface Attacker {
  username: string;
  operatorId: string;
  ambitoId: string | null;
  enteId: string;
  officeId: string;
  /** A desk of the attacker's ente (the destination of "send your scheda to me"). */
  deskOfficeId: string;
  own: { personId: string; personVersion: number; intakeId: string; intakeVersion: number; serviceRequestId: string; serviceRequestVersion: number };
  /** A valid search token of the attacker (persons.create asks for one). */
  searchToken: string;
}

export interface TemplateContext {
  o: Owners;
  a: Attacker;
  today: string;
}

/**
 * A body template: every schema-valid input of one action worth sending, built from the owners' ids
 * (one input per relevant id). Validated against the action's zod input by the suite.
 */
export type Template = (c: TemplateContext) => unknown[];

/** A fresh suffix for names that must be unique (usernames, profile codes). */
export const unique = () => crypto.randomBytes(4).toString('hex');

/** A valid definitive fiscal code nobody has. */
export function freshFiscalCode(): string {
  const letters = (n: number) => Array.from(crypto.randomBytes(n), (b) => String.fromCharCode(65 + (b % 26))).join('');
  const birthDate = new Date(Date.UTC(1950, 0, 1) + crypto.randomInt(0, 50 * 365) * 86_400_000).toISOString().slice(0, 10);
  return computeFiscalCode({ surname: `Alt${letters(4)}`, name: `Nuo${letters(4)}`, sex: 'M', birthDate, birthPlaceCode: 'G478' });
}
