import { sql, type Kysely } from 'kysely';
import { customValuesSchema, intakeSectionsInput, type CustomValue } from '@siso/shared';
import type { z } from 'zod';
import type { FieldClass } from '../../access/field-classes.js';
import { assertCustomWritable } from '../../access/custom-fields.js';
import { assertWritable } from '../../access/masking.js';
import { visibleTo } from '../../access/visibility.js';
import type { DB } from '../../db/types.js';
import { AppError } from '../../http/app-error.js';
import { todayInRome } from '../persons/validate-person.js';
import { PERSON } from '../persons/person-kinds.js';
import type { ContextActor } from '../organisation/require-actor.js';
import type { FieldDefinitionRecord } from '../fields/fields.repo.js';
import { objectSections, personIdClass, referencesClass, sectionFieldClasses } from './intake.fields.js';

export type SectionsInput = z.output<typeof intakeSectionsInput>;
type Problem = { path: string; message: string };

/** The stored sections of a scheda (jsonb columns as read). */
export interface StoredSections {
  access: Record<string, unknown> | null;
  interlocutor: Record<string, unknown> | null;
  personId: string | null;
  references: unknown[] | null;
  social: Record<string, unknown> | null;
  foreigner: Record<string, unknown> | null;
  needs: Record<string, unknown> | null;
  services: Record<string, unknown> | null;
  outcome: Record<string, unknown> | null;
  custom: Record<string, unknown>;
}

export const emptySections: StoredSections = {
  access: null, interlocutor: null, personId: null, references: null, social: null, foreigner: null, needs: null, services: null, outcome: null, custom: {},
};

/** Where the scheda lives: the checks depend on its desk, not on the actor's. */
export interface IntakePlace {
  ambitoId: string;
  officeId: string;
}

/**
 * Checks a sections input for writing (issue 5, "Bad input"): classes the actor may write (403 at the
 * first refused field, as every module), then every problem together in one 400 naming each field:
 * dates, codes of the lists, the person, the contact point and sending office, custom fields. Returns
 * the sections as they will be stored — a section sent replaces the stored one, keeping the fields of
 * classes the actor may not write (a desk that cannot see health notes cannot erase them either).
 */
export async function checkSections(
  db: Kysely<DB>,
  actor: ContextActor,
  place: IntakePlace,
  writable: ReadonlySet<FieldClass>,
  input: SectionsInput,
  stored: StoredSections,
  definitions: { all: readonly FieldDefinitionRecord[]; offered: readonly FieldDefinitionRecord[] },
): Promise<{ next: StoredSections; classesChanged: FieldClass[] }> {
  const changed = new Set<FieldClass>();
  for (const s of objectSections) {
    const section = input[s];
    if (section) assertWritable(section as Record<string, unknown>, sectionFieldClasses[s], writable, s).forEach((c) => changed.add(c));
  }
  assertWritable({ personId: input.personId, references: input.references }, { personId: personIdClass, references: referencesClass }, writable).forEach((c) => changed.add(c));
  if (input.custom) {
    // A key no definition declares is bad input (400 campo_non_configurato below), not a masked field.
    const known = new Set(definitions.all.map((d) => d.key));
    const declared = Object.fromEntries(Object.entries(input.custom).filter(([k]) => known.has(k)));
    assertCustomWritable(declared, definitions.all, writable, 'custom').forEach((c) => changed.add(c));
  }

  const problems: Problem[] = [];
  const next: StoredSections = { ...stored, custom: { ...stored.custom } };
  for (const s of objectSections) {
    const section = input[s];
    if (!section) continue;
    const kept = Object.fromEntries(Object.entries(stored[s] ?? {}).filter(([k]) => !writable.has(sectionFieldClasses[s][k] ?? 'special')));
    next[s] = { ...kept, ...dropUndefined(section as Record<string, unknown>) };
  }
  if (input.personId !== undefined) next.personId = input.personId;
  if (input.references !== undefined) next.references = input.references.map((r) => dropUndefined(r));

  const today = todayInRome();
  if (next.access || !stored.access) {
    const access = next.access ?? {};
    access.date ??= stored.access?.date ?? today;
    next.access = access;
    if (typeof access.date === 'string' && access.date > today) problems.push({ path: 'access.date', message: 'data_futura' });
  }
  if (input.access?.contactPointId) {
    const r = await sql`SELECT 1 FROM contact_point WHERE id = ${input.access.contactPointId} AND office_id = ${place.officeId}`.execute(db);
    if (r.rows.length === 0) problems.push({ path: 'access.contactPointId', message: 'punto_di_contatto_non_valido' });
  }
  if (input.access?.sentByOfficeId) {
    const r = await sql`SELECT 1 FROM office WHERE id = ${input.access.sentByOfficeId} AND ambito_id = ${place.ambitoId}`.execute(db);
    if (r.rows.length === 0) problems.push({ path: 'access.sentByOfficeId', message: 'ufficio_non_dell_ambito' });
  }
  if (input.personId) {
    // The user is a person of the registry of the same ambito that the actor may read (issue 4 scope).
    const r = await sql`SELECT 1 FROM person p WHERE p.id = ${input.personId} AND p.ambito_id = ${place.ambitoId} AND p.merged_into IS NULL
                          AND ${visibleTo(actor, 'persons.get', PERSON, 'p')}`.execute(db);
    if (r.rows.length === 0) problems.push({ path: 'personId', message: 'persona_non_trovata' });
  }
  await checkCodes(db, input, problems);
  if (input.custom) {
    const parsed = customValuesSchema(definitions.offered, { partial: true }).safeParse(input.custom);
    if (!parsed.success) {
      for (const i of parsed.error.issues) problems.push({ path: ['custom', ...i.path.map(String)].join('.'), message: i.message });
    } else {
      for (const [k, v] of Object.entries(parsed.data as Record<string, CustomValue | null>)) {
        if (v === null) delete next.custom[k];
        else next.custom[k] = v;
      }
    }
  }
  if (problems.length > 0) throw new AppError('invalid_input', problems);
  return { next, classesChanged: [...changed] };
}

function dropUndefined<T extends object>(o: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Codes of the intake lists (ref_code siso.*) and of the service catalogue: one query each. */
async function checkCodes(db: Kysely<DB>, input: SectionsInput, problems: Problem[]): Promise<void> {
  const wanted: Array<{ list: string; code: string; path: string }> = [];
  input.needs?.codes?.forEach((code, i) => wanted.push({ list: 'siso.bisogno', code, path: `needs.codes.${i}` }));
  const single = (list: string, code: string | null | undefined, path: string) => { if (code) wanted.push({ list, code, path }); };
  single('siso.condizione_lavoro', input.social?.workCondition, 'social.workCondition');
  single('siso.titolo_studio', input.social?.education, 'social.education');
  single('siso.abitazione', input.social?.housing, 'social.housing');
  single('siso.motivo_permesso_soggiorno', input.foreigner?.permitType, 'foreigner.permitType');
  if (wanted.length > 0) {
    const r = await sql<{ list: string; code: string }>`
      SELECT list, code FROM ref_code WHERE list = ANY(${[...new Set(wanted.map((w) => w.list))]}::text[]) AND code = ANY(${[...new Set(wanted.map((w) => w.code))]}::text[])`.execute(db);
    const known = new Set(r.rows.map((k) => `${k.list}\u0000${k.code}`));
    for (const w of wanted) if (!known.has(`${w.list}\u0000${w.code}`)) problems.push({ path: w.path, message: 'codice_sconosciuto' });
  }
  const requested = input.services?.requested ?? [];
  if (requested.length > 0) {
    const r = await sql<{ code: string }>`SELECT code FROM service_catalogue WHERE enabled AND code = ANY(${[...new Set(requested)]}::text[])`.execute(db);
    const known = new Set(r.rows.map((k) => k.code));
    requested.forEach((code, i) => { if (!known.has(code)) problems.push({ path: `services.requested.${i}`, message: 'codice_sconosciuto' }); });
  }
}
