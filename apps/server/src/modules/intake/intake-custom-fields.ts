import { activeDefinitions } from '@siso/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { loadFieldDefinitions, type FieldDefinitionRecord } from '../fields/fields.repo.js';
import type { DeskSettings } from './desk-access.js';

/**
 * Configuration-defined fields of schede (target `intake`): every definition of the ambito (archived
 * ones still classify stored values) and those a desk offers — the ones for everywhere, its office
 * type (`sportello_stranieri`), its desk kind (`foreigners`) or its thematic code (`adi`).
 */
export async function intakeDefinitions(db: Kysely<DB>, regioneId: string, ambitoId: string | null): Promise<FieldDefinitionRecord[]> {
  return loadFieldDefinitions(db, { regioneId, ambitoId, target: 'intake' });
}

export function deskDefinitions(all: readonly FieldDefinitionRecord[], officeType: string, settings: DeskSettings, on: string): FieldDefinitionRecord[] {
  const places = [officeType, settings.kind, ...(settings.thematicCode ? [settings.thematicCode] : [])];
  return activeDefinitions(all, { target: 'intake', appliesTo: places, on });
}
