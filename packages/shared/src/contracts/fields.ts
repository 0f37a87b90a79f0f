import { z } from 'zod';
import { checkDefinition, customFieldDefinitionShape, customFieldTargets } from '../custom-fields/definition.js';
import { pageInput, pageOf, timestamp, uuid, version } from '../wire/primitives.js';
import { defineAction } from './define.js';
import { abilities } from './organisation-common.js';

/** A configuration-defined field: a region template (ambitoId null) or a field of one ambito. */
export const fieldDefinitionView = customFieldDefinitionShape.extend({
  id: uuid,
  /** null: a region template, offered to every ambito of the region. */
  ambitoId: uuid.nullable(),
  archived: z.boolean(),
  updatedAt: timestamp,
  version,
  abilities,
});
export type FieldDefinitionView = z.output<typeof fieldDefinitionView>;

export const fieldsFind = defineAction({
  name: 'fields.find',
  kind: 'query',
  access: 'context',
  summary: "Campi configurabili visibili all'ambito: modelli regionali e campi dell'ambito, per destinazione",
  input: pageInput.extend({
    target: z.enum(customFieldTargets).optional(),
    /** Another ambito within the administrator's reach (the system administrator); default: the actor's own. */
    ambitoId: uuid.optional(),
    includeArchived: z.boolean().default(false),
  }),
  output: pageOf(fieldDefinitionView),
});

export const fieldsUpsert = defineAction({
  name: 'fields.upsert',
  kind: 'mutation',
  access: 'context',
  summary: "Crea o modifica un campo configurabile (modello regionale o dell'ambito) con la sua classe di dati; archiviazione",
  input: customFieldDefinitionShape
    .extend({
      id: uuid.optional(),
      version: version.optional(),
      archived: z.boolean().optional(),
    })
    .superRefine(checkDefinition),
  output: fieldDefinitionView,
});

export const fieldsContracts = {
  [fieldsFind.name]: fieldsFind,
  [fieldsUpsert.name]: fieldsUpsert,
} as const;
