import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DeskView } from '@siso/shared';
import { abilitiesFor } from '../../access/abilities.js';
import type { DB } from '../../db/types.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { settingsFromRow } from '../intake/desk-access.js';
import { DESK_OFFICE_TYPES } from './desk-types.js';

/** A desk office with its configuration row (all config columns null when it has none). */
export interface DeskRow {
  office_id: string;
  office_name: string;
  office_type: string;
  office_email: string | null;
  ente_id: string;
  ente_name: string;
  ambito_id: string | null;
  ambito_name: string | null;
  configured: boolean;
  desk_kind: DeskView['kind'];
  thematic_code: string | null;
  mandatory_sections: string[];
  excluded_profiles: string[];
  readable_classes: string[] | null;
  proposal_target: DeskView['proposalTarget'];
  privacy_per_desk: boolean;
  email_subject: string | null;
  email_body: string | null;
  access_points: string[];
  version: number | null;
  contact_points: Array<{ id: string; name: string }>;
}

/**
 * Desk offices (`types`, by default DESK_OFFICE_TYPES; not archived) matching `where` over aliases o (office), e (ente),
 * a (ambito), ordered by ambito, ente and office name; `after` continues a keyset page.
 */
export async function selectDesks(
  db: Kysely<DB>,
  where: RawBuilder<unknown>,
  limit: number,
  after?: readonly [string, string],
  types: readonly string[] = DESK_OFFICE_TYPES,
): Promise<DeskRow[]> {
  const r = await sql<DeskRow>`
    SELECT o.id AS office_id, o.name AS office_name, o.type AS office_type, o.email AS office_email, e.id AS ente_id, e.name AS ente_name,
           a.id AS ambito_id, a.name AS ambito_name, dc.office_id IS NOT NULL AS configured, dc.desk_kind, dc.thematic_code,
           dc.mandatory_sections, dc.excluded_profiles, dc.readable_classes, dc.proposal_target, dc.privacy_per_desk,
           dc.email_subject, dc.email_body, dc.access_points, dc.version,
           COALESCE((SELECT json_agg(json_build_object('id', cp.id, 'name', cp.name) ORDER BY cp.name, cp.id)
                       FROM contact_point cp WHERE cp.office_id = o.id AND cp.archived_at IS NULL), '[]'::json) AS contact_points
      FROM office o
      JOIN ente e ON e.id = o.ente_id
      LEFT JOIN ambito a ON a.id = o.ambito_id
      LEFT JOIN desk_config dc ON dc.office_id = o.id
     WHERE o.archived_at IS NULL AND e.archived_at IS NULL AND o.type = ANY(${[...types]}::text[])
       AND ${where}
       ${after ? sql`AND (coalesce(a.name, '') || ' ' || e.name || ' ' || o.name, o.id) > (${after[0]}, ${after[1]}::uuid)` : sql``}
     ORDER BY coalesce(a.name, '') || ' ' || e.name || ' ' || o.name, o.id
     LIMIT ${limit}`.execute(db);
  return r.rows;
}

/** The sort key of a desk row, for the keyset cursor. */
export function deskSortKey(r: DeskRow): [string, string] {
  return [`${r.ambito_name ?? ''} ${r.ente_name} ${r.office_name}`, r.office_id];
}

/**
 * The wire view: the configuration as it applies (defaults of a general desk when there is none,
 * `configured: false`, `version: null`). `full` false leaves out what a sending operator does not
 * need of another desk (its exclusions, masking, template and access points).
 */
export function presentDesk(actor: ContextActor, r: DeskRow, opts: { canConfigure: boolean; full: boolean }): DeskView {
  const s = settingsFromRow(r.office_id, r.configured ? { ...r, office_id: r.office_id } : null);
  return {
    officeId: r.office_id,
    officeName: r.office_name,
    officeType: r.office_type,
    officeEmail: r.office_email,
    enteId: r.ente_id,
    enteName: r.ente_name,
    ambitoId: r.ambito_id,
    ambitoName: r.ambito_name,
    kind: s.kind,
    thematicCode: s.thematicCode,
    mandatorySections: s.mandatorySections,
    excludedProfiles: opts.full ? s.excludedProfiles : [],
    readableClasses: opts.full ? s.readableClasses : null,
    proposalTarget: s.proposalTarget,
    privacyPerDesk: s.privacyPerDesk,
    emailSubject: opts.full ? s.emailSubject : null,
    emailBody: opts.full ? s.emailBody : null,
    accessPoints: opts.full ? s.accessPoints : [],
    contactPoints: r.contact_points,
    configured: r.configured,
    version: r.version,
    abilities: abilitiesFor(actor, ['desks.configure'], () => opts.canConfigure),
  };
}
