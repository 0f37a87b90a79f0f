import type { OfficeType } from '@siso/shared';

/**
 * Field classes (architecture: "Scope, grants and masking").
 * - public: organisational data;
 * - personal: identifying data (GDPR art. 4(1));
 * - special: health, disability (GDPR art. 9);
 * - judicial: court orders, convictions (GDPR art. 10; Codice privacy art. 2-octies);
 * - reserved: reserved diary entries and private notes;
 * - foreigner: permit and immigration data.
 */
export const fieldClasses = ['public', 'personal', 'special', 'judicial', 'reserved', 'foreigner'] as const;
export type FieldClass = (typeof fieldClasses)[number];

/**
 * What each office type may handle at most, whatever the profile says: the readable classes are the
 * intersection of the profile's policy and this (e.g. the foreigners' desk sees permit data but not
 * health data; a third-sector office never sees judicial data).
 */
export const officeTypePolicy: Record<OfficeType, readonly FieldClass[]> = {
  sportello_accoglienza: ['public', 'personal', 'special', 'reserved', 'foreigner'],
  sportello_stranieri: ['public', 'personal', 'reserved', 'foreigner'],
  sportello_tematico: ['public', 'personal', 'special', 'reserved'],
  servizio_sociale_professionale: fieldClasses,
  servizio_secondo_livello: fieldClasses,
  ufficio_amministrativo: ['public', 'personal', 'foreigner'],
  terzo_settore: ['public', 'personal', 'special', 'reserved'],
};

/** A field map of a module: field name → class (architecture: `<module>.fields.ts`). */
export type FieldMap<K extends string = string> = Record<K, FieldClass>;

export function intersectClasses(profile: readonly string[], officeType: OfficeType): Set<FieldClass> {
  const allowed = new Set<string>(officeTypePolicy[officeType]);
  return new Set(fieldClasses.filter((c) => profile.includes(c) && allowed.has(c)));
}
