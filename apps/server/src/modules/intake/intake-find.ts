import type { Kysely } from 'kysely';
import type { IntakeSummary } from '@siso/shared';
import type { z } from 'zod';
import type { intakeFilters } from '@siso/shared';
import type { DB } from '../../db/types.js';
import type { ContextActor } from '../organisation/require-actor.js';
// SCAFFOLD (issue 5): internal API between the intake parts; the owner replaces the body.

export type IntakeFilters = z.output<typeof intakeFilters>;

/** Visible schede matching the filters, newest access first (keyset paged); person names masked per class. */
export async function findIntakeSummaries(
  _db: Kysely<DB>,
  _actor: ContextActor,
  _filters: IntakeFilters,
  _page: { limit: number; cursor?: string },
): Promise<{ items: IntakeSummary[]; nextCursor: string | null; personIds: string[] }> {
  throw new Error('findIntakeSummaries not implemented yet');
}
