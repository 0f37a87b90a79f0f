import { z } from 'zod';

/** The actions the actor may perform on a record (architecture, pipeline step 5): the UI shows controls only from them. */
export const abilities = z.array(z.string());

/** Data scope of a profile, narrowest first (architecture: "Scope, grants and masking"). */
export const profileScopes = ['own', 'office', 'ente', 'ambito', 'region_aggregate', 'installation'] as const;
export type ProfileScope = (typeof profileScopes)[number];

/** Field classes (architecture: "Field classes"). */
export const profileFieldClasses = ['public', 'personal', 'special', 'judicial', 'reserved', 'foreigner'] as const;
export type ProfileFieldClass = (typeof profileFieldClasses)[number];
