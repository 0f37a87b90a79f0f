import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.js';

export interface AuthState {
  id: string;
  username: string;
  displayName: string;
  totpEnabled: boolean;
  /** TOTP enabled, or required by a profile of one of the operator's assignments (access issue). */
  needsTotp: boolean;
  mustChangePassword: boolean;
  totpSecretEnc: string | null;
  totpLastStep: number | null;
  locked: boolean;
}

/** What the authentication steps need to know about an operator, in one query. */
export async function loadAuthState(db: Kysely<DB>, operatorId: string): Promise<AuthState> {
  const r = await sql<{
    id: string;
    username: string;
    display_name: string;
    totp_enabled: boolean;
    requires_totp: boolean;
    must_change_password: boolean;
    totp_secret_enc: string | null;
    totp_last_step: string | number | null;
    locked: boolean;
  }>`
    SELECT o.id, o.username, o.given_name || ' ' || o.family_name AS display_name,
           o.totp_enabled_at IS NOT NULL AS totp_enabled, o.must_change_password, o.totp_secret_enc, o.totp_last_step,
           COALESCE(o.locked_until > now(), false) AS locked,
           EXISTS (SELECT 1 FROM assignment a
                     JOIN assignment_profile ap ON ap.assignment_id = a.id
                     JOIN profile p ON p.id = ap.profile_id AND p.archived_at IS NULL
                    WHERE a.operator_id = o.id AND p.requires_totp
                      AND (a.valid_to IS NULL OR a.valid_to >= CURRENT_DATE)) AS requires_totp
      FROM operator o WHERE o.id = ${operatorId}`.execute(db);
  const o = r.rows[0];
  if (!o) throw new Error('operator not found');
  return {
    id: o.id,
    username: o.username,
    displayName: o.display_name,
    totpEnabled: o.totp_enabled,
    needsTotp: o.totp_enabled || o.requires_totp,
    mustChangePassword: o.must_change_password,
    totpSecretEnc: o.totp_secret_enc,
    totpLastStep: o.totp_last_step === null ? null : Number(o.totp_last_step),
    locked: o.locked,
  };
}
