import { customFieldOption, type CustomFieldDefinition, type CustomFieldTarget, type FieldDefinitionView } from '@siso/shared';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../access/actor.js';
import { abilitiesFor } from '../../access/abilities.js';
import type { FieldClass } from '../../access/field-classes.js';
import type { DB, FieldDefinition } from '../../db/types.js';
import { inReach, reachOf } from '../organisation/reach.js';

/**
 * Who may edit a definition: an ambito's fields by an administrator whose reach covers the ambito; the
 * region's templates (no ambito) only by an installation-wide administrator (as profiles).
 */
export function fieldEditable(actor: Actor, ambitoId: string | null): boolean {
  const r = reachOf(actor, 'fields.upsert');
  return ambitoId === null ? r.all : inReach(r, { ambitoId });
}

/** A definition as the owning modules use it: the configured rules, with identity and state. */
export type FieldDefinitionRecord = CustomFieldDefinition & { id: string; ambitoId: string | null; archived: boolean; fieldClass: FieldClass };

const options = z.array(customFieldOption);

export function definitionOf(r: Selectable<FieldDefinition>): FieldDefinitionRecord {
  return {
    id: r.id,
    ambitoId: r.ambito_id,
    target: r.target as CustomFieldTarget,
    appliesTo: r.applies_to,
    key: r.key,
    labelIt: r.label_it,
    labelEn: r.label_en,
    helpIt: r.help_it,
    helpEn: r.help_en,
    type: r.type as CustomFieldDefinition['type'],
    options: options.parse(r.options),
    required: r.required,
    fieldClass: r.field_class as FieldClass,
    min: r.min_value,
    max: r.max_value,
    minDate: r.min_date,
    maxDate: r.max_date,
    pattern: r.pattern,
    position: r.position,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    archived: r.archived_at !== null,
  };
}

export function presentField(actor: Actor, r: Selectable<FieldDefinition>): FieldDefinitionView {
  return {
    ...definitionOf(r),
    updatedAt: new Date(r.updated_at).toISOString(),
    version: r.version,
    abilities: abilitiesFor(actor, ['fields.upsert'], () => fieldEditable(actor, r.ambito_id)),
  };
}

/**
 * The definitions of a target in an ambito: the region's templates and the ambito's own fields, archived
 * ones included unless told otherwise (an archived field still classifies and describes the values
 * already stored). For the owning modules: mask with access/custom-fields.ts, pick the fields to offer
 * with `activeDefinitions` of @siso/shared.
 */
export async function loadFieldDefinitions(
  tx: Kysely<DB>,
  where: { regioneId: string; ambitoId: string | null; target: CustomFieldTarget; includeArchived?: boolean },
): Promise<FieldDefinitionRecord[]> {
  let q = tx
    .selectFrom('field_definition')
    .selectAll()
    .where('regione_id', '=', where.regioneId)
    .where('target', '=', where.target)
    .where((eb) => (where.ambitoId ? eb.or([eb('ambito_id', 'is', null), eb('ambito_id', '=', where.ambitoId)]) : eb('ambito_id', 'is', null)));
  if (where.includeArchived === false) q = q.where('archived_at', 'is', null);
  const rows = await q.orderBy('position').orderBy('key').execute();
  return rows.map(definitionOf);
}
