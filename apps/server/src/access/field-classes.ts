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

/** Fields of an answer shown to whoever sees the record (organisational data): ids, dates, names of offices and operators, states. */
export function publicFields(...keys: string[]): FieldMap {
  return Object.fromEntries(keys.map((k) => [k, 'public' as const]));
}

/** The classes of a record's fields as an answer shows them: a class, or a map for a nested object (a section). */
export interface FieldSpec {
  readonly [field: string]: FieldClass | FieldSpec;
}

export function intersectClasses(profile: readonly string[], officeType: OfficeType): Set<FieldClass> {
  const allowed = new Set<string>(officeTypePolicy[officeType]);
  return new Set(fieldClasses.filter((c) => profile.includes(c) && allowed.has(c)));
}

/**
 * The classes an actor reads and writes in a work context — the ONE place they are decided (issue 10,
 * point 4): the profiles' policy ∩ the office type's; at a desk with a masking profile
 * (desk_config.readable_classes, siso-original §10.3.1: "profilo di mascheramento dello sportello"),
 * ∩ that too, on every read path of the desk (its schede, the registry, sends and proposals alike).
 * What cannot be read there cannot be written either: a desk never writes blind.
 */
export function actorClasses(
  officeType: OfficeType,
  profileReadable: readonly string[],
  profileWritable: readonly string[],
  deskReadable: readonly string[] | null,
): { readable: Set<FieldClass>; writable: Set<FieldClass> } {
  const readable = intersectClasses(profileReadable, officeType);
  const writable = intersectClasses(profileWritable, officeType);
  if (deskReadable === null) return { readable, writable };
  const atDesk = new Set(fieldClasses.filter((c) => readable.has(c) && deskReadable.includes(c)));
  return { readable: atDesk, writable: new Set(fieldClasses.filter((c) => writable.has(c) && atDesk.has(c))) };
}
