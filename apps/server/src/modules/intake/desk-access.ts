import type { Kysely } from 'kysely';
import type { DeskView } from '@siso/shared';
import type { z } from 'zod';
import type { deskSettings } from '@siso/shared';
import type { DB } from '../../db/types.js';
import type { FieldClass } from '../../access/field-classes.js';
import type { ContextActor } from '../organisation/require-actor.js';
// SCAFFOLD (issue 5): internal API between the intake parts; the owner replaces the body.

export type DeskSettings = z.infer<typeof deskSettings> & Pick<DeskView, 'excludedProfiles' | 'readableClasses' | 'accessPoints' | 'emailSubject' | 'emailBody'> & { officeId: string };

/** The configuration of a desk (office), or the defaults of a general desk when it has none. */
export async function deskSettingsOf(_db: Kysely<DB>, _officeId: string): Promise<DeskSettings> {
  throw new Error('deskSettingsOf not implemented yet');
}

/** 403 when one of the actor's profiles is excluded from their current desk (siso-original §10.3.1). */
export async function assertDeskOpen(_db: Kysely<DB>, _actor: ContextActor): Promise<DeskSettings> {
  throw new Error('assertDeskOpen not implemented yet');
}

/** The classes the actor may read at their current desk: actor.readable ∩ the desk's masking profile. */
export function effectiveReadable(actor: ContextActor, settings: DeskSettings): Set<FieldClass> {
  return new Set([...actor.readable].filter((c) => !settings.readableClasses || settings.readableClasses.includes(c)));
}
