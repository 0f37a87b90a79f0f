import { sql, type Kysely } from 'kysely';
import type { DeskView } from '@siso/shared';
import type { z } from 'zod';
import type { deskSettings, IntakeSection } from '@siso/shared';
import type { DB } from '../../db/types.js';
import { AppError } from '../../http/app-error.js';
import type { ContextActor } from '../organisation/require-actor.js';

export type DeskSettings = Omit<z.infer<typeof deskSettings>, 'contactPoints'> & Pick<DeskView, 'excludedProfiles' | 'readableClasses' | 'accessPoints' | 'emailSubject' | 'emailBody'> & { officeId: string };

/** Sections a desk without configuration requires (migration 0009 default of desk_config.mandatory_sections). */
export const defaultMandatorySections: readonly IntakeSection[] = ['access', 'interlocutor', 'user', 'outcome'];

export type DeskConfigRow = {
  office_id: string;
  desk_kind: DeskSettings['kind'];
  thematic_code: string | null;
  mandatory_sections: string[];
  excluded_profiles: string[];
  readable_classes: string[] | null;
  proposal_target: DeskSettings['proposalTarget'];
  privacy_per_desk: boolean;
  email_subject: string | null;
  email_body: string | null;
  access_points: string[];
};

/** A desk_config row as settings; `null` gives the defaults of a general desk. */
export function settingsFromRow(officeId: string, r: DeskConfigRow | null | undefined): DeskSettings {
  if (!r) {
    return {
      officeId, kind: 'general', thematicCode: null, mandatorySections: [...defaultMandatorySections], proposalTarget: 'ente', privacyPerDesk: false,
      excludedProfiles: [], readableClasses: null, accessPoints: [], emailSubject: null, emailBody: null,
    };
  }
  return {
    officeId,
    kind: r.desk_kind,
    thematicCode: r.thematic_code,
    mandatorySections: r.mandatory_sections as IntakeSection[],
    proposalTarget: r.proposal_target,
    privacyPerDesk: r.privacy_per_desk,
    excludedProfiles: r.excluded_profiles,
    readableClasses: r.readable_classes as DeskSettings['readableClasses'],
    accessPoints: r.access_points,
    emailSubject: r.email_subject,
    emailBody: r.email_body,
  };
}

/** The configuration of a desk (office), or the defaults of a general desk when it has none. */
export async function deskSettingsOf(db: Kysely<DB>, officeId: string): Promise<DeskSettings> {
  const r = await sql<DeskConfigRow>`
    SELECT office_id, desk_kind, thematic_code, mandatory_sections, excluded_profiles, readable_classes, proposal_target,
           privacy_per_desk, email_subject, email_body, access_points
      FROM desk_config WHERE office_id = ${officeId}`.execute(db);
  return settingsFromRow(officeId, r.rows[0]);
}

/**
 * 403 when one of the actor's profiles is excluded from their current desk (siso-original §10.3.1),
 * or when a third-sector office records schede without being an access point of a desk of its ente
 * (issue 5, point 1: access points record for a desk they are attached to). `loaded`: the settings
 * of the actor's desk when the caller has read them already.
 */
export async function assertDeskOpen(db: Kysely<DB>, actor: ContextActor, loaded?: DeskSettings): Promise<DeskSettings> {
  const settings = loaded ?? (await deskSettingsOf(db, actor.context.officeId));
  if (actor.profiles.some((p) => settings.excludedProfiles.includes(p))) {
    throw new AppError('forbidden', [{ path: 'officeId', message: 'sportello_escluso' }]);
  }
  if (actor.context.officeType === 'terzo_settore') {
    const served = await sql`SELECT 1 FROM desk_config WHERE ente_id = ${actor.context.enteId} AND ${actor.context.officeId}::uuid = ANY(access_points) LIMIT 1`.execute(db);
    if (served.rows.length === 0) throw new AppError('forbidden', [{ path: 'officeId', message: 'punto_accesso_non_abilitato' }]);
  }
  return settings;
}
