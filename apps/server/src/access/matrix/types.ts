import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { TestApp } from '../../testing/test-app.js';
import type { CatalogueAction } from '../policies.js';

/**
 * The access matrix (access issue, "Tests"): expectations are WRITTEN BY HAND, one table per module,
 * persona × action (× where the target lives) → ok / forbidden / not_found. The catalogue is used only
 * to fail when an action has no row; expectations generated from the policies would test nothing.
 */
export const matrixPersonas = ['sysadmin', 'admin', 'dpo', 'sportello', 'assistente', 'responsabile', 'regione', 'terzosettore'] as const;
export type Persona = (typeof matrixPersonas)[number];

export type Outcome = 'ok' | 'forbidden' | 'not_found';

/** Where the target record lives, relative to the acting persona (base personas work in the first comune). */
export const relations = ['sameOffice', 'sameEnte', 'otherEnte', 'otherAmbito'] as const;
export type Relation = (typeof relations)[number];

export interface MatrixFixture {
  app: TestApp;
  db: Kysely<DB>;
  /** The assignment of a demo persona (username with suffix: 'assistente', 'assistenteB', 'assistente2'). */
  placement(username: string): Promise<{ operatorId: string; ambitoId: string | null; enteId: string; officeId: string }>;
  /** An office of the given type in the comune of `username`'s assignment. */
  officeOf(username: string, type: string): Promise<{ officeId: string; enteId: string; ambitoId: string | null }>;
  /** A `fixtureRecord` (testing/fixtures/record-fixture.ts) placed relative to the persona. */
  fixtureRecord(persona: Persona, relation: Relation): Promise<string>;
}

/**
 * A row: how to build the input (per relation when the action targets a record), and the outcome per
 * persona — one outcome for untargeted actions, or one per relation. An action has one row at least;
 * more, each with its `label`, when the outcome depends on something else than where the target lives
 * (a grant to the persona, read-only or with writing).
 */
export type MatrixRow =
  | {
      action: CatalogueAction;
      /** What sets this row apart from the action's other rows (e.g. "through a write grant"). */
      label?: string;
      targeted: false;
      input(f: MatrixFixture, persona: Persona): Promise<unknown>;
      expect: Record<Persona, Outcome>;
    }
  | {
      action: CatalogueAction;
      label?: string;
      targeted: true;
      input(f: MatrixFixture, relation: Relation, persona: Persona): Promise<unknown>;
      expect: Record<Persona, Record<Relation, Outcome>>;
    };

export const OK_STATUS: Record<Outcome, number> = { ok: 200, forbidden: 403, not_found: 404 };
