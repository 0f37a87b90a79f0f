import { sql, type Kysely } from 'kysely';
import { customValuesSchema, intakeSectionsInput, type CustomValue } from '@siso/shared';
import type { z } from 'zod';
import type { FieldClass } from '../../access/field-classes.js';
import { assertCustomWritable } from '../../access/custom-fields.js';
import { assertWritable } from '../../access/masking.js';
import { visibleTo } from '../../access/visibility.js';
import type { DB } from '../../db/types.js';
import { AppError, type ErrorDetail } from '../../http/app-error.js';
import { detailsFromZod } from '../../http/error-body.js';
import { todayInRome } from '../persons/validate-person.js';
import { PERSON } from '../persons/person-kinds.js';
import type { ContextActor } from '../organisation/require-actor.js';
import type { FieldDefinitionRecord } from '../fields/fields.repo.js';
import { objectSections, personIdClass, referencesClass, sectionFieldClasses } from './intake.fields.js';

export type SectionsInput = z.output<typeof intakeSectionsInput>;
type Problem = ErrorDetail;

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
  await checkReferences(db, actor, place, input, problems);
  if (input.custom) {
    const parsed = customValuesSchema(definitions.offered, { partial: true }).safeParse(input.custom);
    if (!parsed.success) {
      problems.push(...detailsFromZod(parsed.error, 'custom'));
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

/**
 * What the input names in the database — the contact point (of the desk), the sending office (of the
 * ambito), the person (of the registry of the ambito, visible to the actor: issue 4 scope), the codes
 * of the intake lists (ref_code siso.*) and of the service catalogue — checked in ONE query.
 */
async function checkReferences(db: Kysely<DB>, actor: ContextActor, place: IntakePlace, input: SectionsInput, problems: Problem[]): Promise<void> {
  const wanted: Array<{ list: string; code: string; path: string }> = [];
  input.needs?.codes?.forEach((code, i) => wanted.push({ list: 'siso.bisogno', code, path: `needs.codes.${i}` }));
  const single = (list: string, code: string | null | undefined, path: string) => { if (code) wanted.push({ list, code, path }); };
  single('siso.condizione_lavoro', input.social?.workCondition, 'social.workCondition');
  single('siso.titolo_studio', input.social?.education, 'social.education');
  single('siso.abitazione', input.social?.housing, 'social.housing');
  single('siso.motivo_permesso_soggiorno', input.foreigner?.permitType, 'foreigner.permitType');
  const requested = input.services?.requested ?? [];
  const contactPoint = input.access?.contactPointId ?? null;
  const sentBy = input.access?.sentByOfficeId ?? null;
  const personId = input.personId ?? null;
  if (wanted.length === 0 && requested.length === 0 && !contactPoint && !sentBy && !personId) return;
  const r = await sql<{ contact_point: boolean; sent_by: boolean; person: boolean; codes: string[] | null; services: string[] | null }>`
    SELECT EXISTS (SELECT 1 FROM contact_point WHERE id = ${contactPoint} AND office_id = ${place.officeId}) AS contact_point,
           EXISTS (SELECT 1 FROM office WHERE id = ${sentBy} AND ambito_id = ${place.ambitoId}) AS sent_by,
           EXISTS (SELECT 1 FROM person p WHERE p.id = ${personId} AND p.ambito_id = ${place.ambitoId} AND p.merged_into IS NULL
                      AND ${visibleTo(actor, 'persons.get', PERSON, 'p')}) AS person,
           (SELECT array_agg(list || '|' || code) FROM ref_code
             WHERE list = ANY(${[...new Set(wanted.map((w) => w.list))]}::text[]) AND code = ANY(${[...new Set(wanted.map((w) => w.code))]}::text[])) AS codes,
           (SELECT array_agg(code) FROM service_catalogue WHERE enabled AND code = ANY(${[...new Set(requested)]}::text[])) AS services`.execute(db);
  const found = r.rows[0]!;
  if (contactPoint && !found.contact_point) problems.push({ path: 'access.contactPointId', message: 'punto_di_contatto_non_valido' });
  if (sentBy && !found.sent_by) problems.push({ path: 'access.sentByOfficeId', message: 'ufficio_non_dell_ambito' });
  if (personId && !found.person) problems.push({ path: 'personId', message: 'persona_non_trovata' });
  const codes = new Set(found.codes ?? []);
  for (const w of wanted) if (!codes.has(`${w.list}|${w.code}`)) problems.push({ path: w.path, message: 'codice_sconosciuto' });
  const services = new Set(found.services ?? []);
  requested.forEach((code, i) => { if (!services.has(code)) problems.push({ path: `services.requested.${i}`, message: 'codice_sconosciuto' }); });
}
