import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { computeFiscalCode, type ActionName } from '@siso/shared';
import type { DB } from '../../db/types.js';
import type { InputOf, OutputOf, TestApp } from '../../testing/test-app.js';
import { createPerson } from '../../testing/persons.js';
import { placementOf } from '../../testing/placement.js';
import { todayInRome } from '../../documents/rome-time.js';
import { fullSections } from '../matrix/intake-fixtures.js';
import { markedPdf, token } from '../cross-tenant/owners.js';
import type { Secret } from '../cross-tenant/owner-ids.js';
import { viewerOf } from './viewers.js';

/**
 * What the hazards' fixtures share: the demo personas' clients, calls that must succeed, places,
 * and the bag of secrets each hazard fills while it writes its rows through the API. Every name and
 * text is a fresh random token (cross-tenant/owners.ts), so finding one in an answer can only mean
 * it came from the hazard's rows.
 */
export interface TieredSecret extends Secret {
  /** Which group of the hazard's data it belongs to: each viewer may be allowed some tiers. */
  tier: string;
}

export class SecretBag {
  readonly items: TieredSecret[] = [];

  add(tier: string, what: string, values: Array<string | null | undefined>): void {
    for (const value of values) if (value && !this.items.some((s) => s.value === value)) this.items.push({ tier, what, value });
  }

  /** A fresh random text ("SegH1Notexqzkwpra"), recorded as a secret of `tier`. */
  text(tier: string, label: string): string {
    const v = token(`Seg${label}`);
    this.add(tier, label, [v]);
    return v;
  }

  /** A PDF named and marked with fresh tokens, both recorded as secrets of `tier`. */
  file(tier: string, label: string): { filename: string; mediaType: 'application/pdf'; contentBase64: string } {
    const name = this.text(tier, `${label}Name`);
    return { filename: `${name}.pdf`, mediaType: 'application/pdf', contentBase64: markedPdf(this.text(tier, `${label}Marker`)) };
  }

  /** Moves a secret already in the bag to another tier. */
  retier(value: string, tier: string): void {
    for (const s of this.items) if (s.value === value) s.tier = tier;
  }
}

export interface Kit {
  t: TestApp;
  db: Kysely<DB>;
  today: string;
  must<N extends ActionName>(username: string, action: N, input: InputOf<N>): Promise<OutputOf<N>>;
  operatorId(username: string): Promise<string>;
  /** The office of a type in the ente where `username` works. */
  officeOf(username: string, type: string): Promise<string>;
}

export function kitOf(t: TestApp): Kit {
  const db = t.database.db;
  return {
    t, db, today: todayInRome(),
    async must(username, action, input) {
      const r = await (await viewerOf(t, username)).client.call(action, input);
      if (r.status !== 200) throw new Error(`hazard fixture ${username} → ${action}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
    operatorId: async (username) => (await placementOf(db, username)).operatorId,
    async officeOf(username, type) {
      const at = await placementOf(db, username);
      return (await db.selectFrom('office').select('id').where('ente_id', '=', at.enteId).where('type', '=', type).executeTakeFirstOrThrow()).id;
    },
  };
}

/** A person with random names and a valid fiscal code, written by `username`; its identity goes in `bag` under `tier`. */
export async function personBy(k: Kit, username: string, bag: SecretBag, tier: string, extra: Record<string, unknown> = {}): Promise<{ id: string; surname: string }> {
  const surname = token('Cog');
  const name = token('Nom');
  const birthDate = new Date(Date.UTC(1940, 0, 1) + crypto.randomInt(0, 60 * 365) * 86_400_000).toISOString().slice(0, 10);
  const fiscalCode = computeFiscalCode({ surname, name, sex: 'F', birthDate, birthPlaceCode: 'C745' });
  const r = await createPerson((await viewerOf(k.t, username)).client, { surname, name, fiscalCode, ...extra });
  if (r.status !== 200) throw new Error(`hazard fixture ${username} → persons.create: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  bag.add(tier, 'person id', [r.body.id]);
  bag.add(tier, 'surname', [surname]);
  bag.add(tier, 'name', [name]);
  bag.add(tier, 'fiscal code', [fiscalCode]);
  return { id: r.body.id, surname };
}

/**
 * A scheda about `personId` written by `username` at their desk, every section filled, with a random
 * access description and needs notes (secrets of `tier`); completed when `complete` (a proposal to take
 * charge when the outcome says so).
 */
export async function schedaBy(
  k: Kit, username: string, personId: string, bag: SecretBag, tier: string,
  opts: { complete?: boolean; outcome?: 'information' | 'take_charge_proposal' } = {},
): Promise<{ id: string; version: number }> {
  const sections = fullSections(personId, opts.outcome);
  const s = await k.must(username, 'intakeRecords.create', {
    ...sections,
    access: { ...sections.access, description: bag.text(tier, 'AccessDescription') },
    needs: { codes: ['FIS01'], notes: bag.text(tier, 'Needs') },
  });
  bag.add(tier, 'scheda id', [s.id]);
  return opts.complete ? k.must(username, 'intakeRecords.complete', { id: s.id, version: s.version }) : s;
}

/**
 * Scheda numbers are "YYYY/NNNNNN" per ente: two enti share every number. Each ente's counter starts
 * at its own offset, so a number is unique in the region and finding it is finding that scheda.
 */
export async function spreadIntakeNumbers(db: Kysely<DB>): Promise<void> {
  const year = Number(todayInRome().slice(0, 4)); // the year the server numbers in
  const entes = await db.selectFrom('ente').select('id').orderBy('name').execute();
  for (const [i, e] of entes.entries()) {
    await sql`INSERT INTO intake_counter (ente_id, year, last) VALUES (${e.id}, ${year}, ${(i + 1) * 100_000})
              ON CONFLICT (ente_id, year) DO UPDATE SET last = EXCLUDED.last`.execute(db);
  }
}

/** The numbers of some schede, as secrets of `tier`. */
export async function addNumbers(k: Kit, bag: SecretBag, tier: string, intakeIds: string[]): Promise<void> {
  const rows = await k.db.selectFrom('intake_record').select('number').where('id', 'in', intakeIds).execute();
  bag.add(tier, 'scheda number', rows.map((r) => r.number));
}

/** The scheda's current version (sends and notes do not change it; completing and deciding do). */
export async function versionOf(k: Kit, intakeId: string): Promise<number> {
  return (await k.db.selectFrom('intake_record').select('version').where('id', '=', intakeId).executeTakeFirstOrThrow()).version;
}

/** `granter` shares a record with an operator (by username) or an office (by id), optionally hiding its office's items. */
export async function grant(
  k: Kit, granter: string, recordKind: 'person' | 'intakeRecord' | 'protectedPerson', recordId: string,
  subject: { operator: string } | { office: string }, hideInfoFrom?: string,
): Promise<void> {
  const [subjectKind, subjectId] = 'operator' in subject ? (['operator', await k.operatorId(subject.operator)] as const) : (['office', subject.office] as const);
  await k.must(granter, 'grants.create', { recordKind, recordId, subjectKind, subjectId, purpose: 'presa in carico congiunta', validFrom: k.today, hideInfoFrom });
}
