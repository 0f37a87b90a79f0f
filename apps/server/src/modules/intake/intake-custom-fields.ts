import { activeDefinitions, missingSections } from '@siso/shared';
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { DB, FieldDefinition } from '../../db/types.js';
import { definitionOf, loadFieldDefinitions, type FieldDefinitionRecord } from '../fields/fields.repo.js';
import { settingsFromRow, type DeskConfigRow, type DeskSettings } from './desk-access.js';
import type { StoredSections } from './intake-validate.js';

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

/** The definitions of a scheda's ambito and those its desk offers on `on` (the two every save and view need). */
export async function deskFields(
  db: Kysely<DB>,
  place: { regioneId: string; ambitoId: string | null; officeType: string },
  settings: DeskSettings,
  on: string,
): Promise<{ all: FieldDefinitionRecord[]; offered: FieldDefinitionRecord[] }> {
  const all = await intakeDefinitions(db, place.regioneId, place.ambitoId);
  return { all, offered: deskDefinitions(all, place.officeType, settings, on) };
}

/** A desk's configuration as selected by `deskConfigColumns` (JSON). */
export interface DeskConfigColumns {
  desk_row: DeskConfigRow | null;
  field_definitions: Array<Selectable<FieldDefinition>> | null;
}

/**
 * The columns of a desk's configuration — its settings (`desk_row`) and the ambito's definitions of
 * schede (`field_definitions`) — for the desk `officeId` of the ambito `ambitoId` in `regioneId` (values
 * or references to the enclosing query's columns): selected with what needs them, never on their own.
 */
export function deskConfigColumns(officeId: RawBuilder<unknown>, regioneId: RawBuilder<unknown>, ambitoId: RawBuilder<unknown>): RawBuilder<DeskConfigColumns> {
  return sql<DeskConfigColumns>`(SELECT to_json(dc) FROM desk_config dc WHERE dc.office_id = ${officeId}) AS desk_row,
    (SELECT json_agg(fd ORDER BY fd.position, fd.key) FROM field_definition fd
      WHERE fd.regione_id = ${regioneId} AND fd.target = 'intake' AND (fd.ambito_id IS NULL OR fd.ambito_id = ${ambitoId})) AS field_definitions`;
}

/** The settings, every definition and those the desk offers on `on`, from `deskConfigColumns`. */
export function deskConfigOf(
  c: DeskConfigColumns,
  desk: { officeId: string; officeType: string },
  on: string,
): { settings: DeskSettings; all: FieldDefinitionRecord[]; offered: FieldDefinitionRecord[] } {
  const settings = settingsFromRow(desk.officeId, c.desk_row);
  const all = (c.field_definitions ?? []).map(definitionOf);
  return { settings, all, offered: deskDefinitions(all, desk.officeType, settings, on) };
}

/**
 * A desk's settings and the ambito's definitions of schede in one round trip (configuration read once
 * per request: issue 10, "Benchmark"), with those the desk offers on `on`.
 */
export async function deskContextOf(
  db: Kysely<DB>,
  place: { regioneId: string; ambitoId: string | null; officeType: string; officeId: string },
  on: string,
): Promise<{ settings: DeskSettings; all: FieldDefinitionRecord[]; offered: FieldDefinitionRecord[] }> {
  const r = await sql<DeskConfigColumns>`SELECT ${deskConfigColumns(sql`${place.officeId}::uuid`, sql`${place.regioneId}::uuid`, sql`${place.ambitoId}::uuid`)}`.execute(db);
  return deskConfigOf(r.rows[0] ?? { desk_row: null, field_definitions: null }, place, on);
}

/** Mandatory sections (and required desk fields) still missing: the rule of complete, of updating a complete scheda and of the view. */
export function missingOf(settings: DeskSettings, sections: StoredSections, offered: readonly FieldDefinitionRecord[]) {
  return missingSections(settings.mandatorySections, sections, offered.filter((d) => d.required).map((d) => d.key));
}
