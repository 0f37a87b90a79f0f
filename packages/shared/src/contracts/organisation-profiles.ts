import { z } from 'zod';
import { uuid, version } from '../wire/primitives.js';
import { defineAction } from './define.js';
import { abilities, profileFieldClasses, profileScopes } from './organisation-common.js';

export const profileView = z.object({
  id: uuid,
  /** null: a region-level template. */
  ambitoId: uuid.nullable(),
  code: z.string(),
  name: z.string(),
  permissions: z.array(z.string()),
  scope: z.enum(profileScopes),
  readableClasses: z.array(z.enum(profileFieldClasses)),
  writableClasses: z.array(z.enum(profileFieldClasses)),
  requiresTotp: z.boolean(),
  archived: z.boolean(),
  version,
  abilities,
});
export type ProfileView = z.infer<typeof profileView>;

export const profilesFind = defineAction({
  name: 'profiles.find',
  kind: 'query',
  access: 'context',
  summary: "Profili dell'ambito e modelli regionali, con il catalogo dei permessi che l'amministratore può concedere",
  input: z.object({ ambitoId: uuid.optional() }),
  output: z.object({
    items: z.array(profileView),
    /** The permissions the actor holds, hence may grant (grouped by module in the editor). */
    grantable: z.array(z.object({ action: z.string(), module: z.string(), summary: z.string() })),
    /** The widest scope the actor may grant. */
    maxScope: z.enum(profileScopes),
  }),
});

export const profilesUpsert = defineAction({
  name: 'profiles.upsert',
  kind: 'mutation',
  access: 'context',
  summary: "Crea (anche copiando un modello regionale) o modifica un profilo dell'ambito",
  input: z.object({
    id: uuid.optional(),
    version: version.optional(),
    /** Copy permissions, scope, classes and TOTP from this template where not given. */
    templateId: uuid.optional(),
    code: z.string().trim().min(2).max(60).regex(/^[a-z0-9_]+$/, 'invalid_format'),
    name: z.string().trim().min(1).max(200),
    permissions: z.array(z.string().max(100)).max(500).optional(),
    scope: z.enum(profileScopes).optional(),
    readableClasses: z.array(z.enum(profileFieldClasses)).optional(),
    writableClasses: z.array(z.enum(profileFieldClasses)).optional(),
    requiresTotp: z.boolean().optional(),
    archived: z.boolean().optional(),
  }),
  output: profileView,
});

export const profilesContracts = {
  [profilesFind.name]: profilesFind,
  [profilesUpsert.name]: profilesUpsert,
} as const;
