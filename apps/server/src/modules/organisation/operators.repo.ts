import type { AssignmentView, OperatorView } from '@siso/shared';
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../access/actor.js';
import { abilitiesFor } from '../../access/abilities.js';
import type { FieldClass } from '../../access/field-classes.js';
import { maskRecord } from '../../access/masking.js';
import type { Tx } from '../../db/transaction.js';
import { operatorFields } from './organisation.fields.js';
import { inReach, reachOf, reachSql } from './reach.js';

export const operatorColumns = [
  'o.id', 'o.username', 'o.given_name', 'o.family_name', 'o.fiscal_code', 'o.email', 'o.locale', 'o.must_change_password',
  'o.failed_login_count', 'o.locked_until', 'o.disabled_at', 'o.last_login_at', 'o.version', 'o.totp_enabled_at',
] as const;

export interface OperatorRow {
  id: string; username: string; given_name: string; family_name: string; fiscal_code: string | null; email: string | null; locale: string;
  must_change_password: boolean; failed_login_count: number; locked_until: Date | null; disabled_at: Date | null; last_login_at: Date | null; version: number;
  totp_enabled_at: Date | null;
}

/** An operator is within reach when one of their assignments (past, current or future) is. */
export function operatorInReachSql(actor: Actor, action: string, operatorRef: string): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM assignment ra WHERE ra.operator_id = ${sql.ref(operatorRef)} AND ${reachSql(reachOf(actor, action), 'ra')})`;
}

/** Assignments within the actor's reach, with their profiles: another ambito's are not the actor's business. */
export async function loadAssignments(tx: Tx, actor: Actor, action: string, operatorIds: string[]): Promise<Map<string, AssignmentView[]>> {
  const out = new Map<string, AssignmentView[]>();
  if (operatorIds.length === 0) return out;
  const rows = await sql<{
    id: string; operator_id: string; ambito_id: string | null; ente_id: string; ente_name: string; office_id: string; office_name: string;
    office_type: AssignmentView['officeType']; professional_type: AssignmentView['professionalType']; valid_from: string; valid_to: string | null;
    version: number; profiles: AssignmentView['profiles'];
  }>`
    SELECT a.id, a.operator_id, a.ambito_id, a.ente_id, e.name AS ente_name, a.office_id, ofc.name AS office_name, ofc.type AS office_type,
           a.professional_type, a.valid_from, a.valid_to, a.version,
           COALESCE((SELECT json_agg(json_build_object('id', p.id, 'code', p.code, 'name', p.name) ORDER BY p.code)
                       FROM assignment_profile ap JOIN profile p ON p.id = ap.profile_id WHERE ap.assignment_id = a.id), '[]'::json) AS profiles
      FROM assignment a JOIN ente e ON e.id = a.ente_id JOIN office ofc ON ofc.id = a.office_id
     WHERE a.operator_id IN (${sql.join(operatorIds)}) AND ${reachSql(reachOf(actor, action), 'a')}
     ORDER BY a.valid_from DESC, a.id`.execute(tx);
  for (const r of rows.rows) {
    const list = out.get(r.operator_id) ?? [];
    list.push({
      id: r.id, ambitoId: r.ambito_id, enteId: r.ente_id, enteName: r.ente_name, officeId: r.office_id, officeName: r.office_name,
      officeType: r.office_type, professionalType: r.professional_type, validFrom: r.valid_from, validTo: r.valid_to, profiles: r.profiles, version: r.version,
    });
    out.set(r.operator_id, list);
  }
  return out;
}

const operatorActions = ['operators.get', 'operators.update', 'operators.unlock', 'operators.resetPassword', 'operators.resetTotp'];

/**
 * Presents operators with masking (fiscal code and e-mail are `personal`) and abilities, and notes the
 * read in the audit row (access issue: "every read of operators is audited with the operator ids").
 */
export async function presentOperators(
  tx: Tx,
  actor: Actor,
  action: string,
  rows: OperatorRow[],
  audit: (n: { targets: { kind: string; id: string }[]; classesRead: string[] }) => void,
): Promise<OperatorView[]> {
  const assignments = await loadAssignments(tx, actor, action, rows.map((r) => r.id));
  const classes = new Set<FieldClass>(['public']);
  const now = Date.now();
  const views = rows.map((r) => {
    const masked = maskRecord({ fiscalCode: r.fiscal_code, email: r.email }, operatorFields, actor.readable);
    for (const c of masked.classesRead) classes.add(c);
    const locked = r.locked_until !== null && r.locked_until.getTime() > now;
    const list = assignments.get(r.id) ?? [];
    return {
      id: r.id, username: r.username, givenName: r.given_name, familyName: r.family_name, ...masked.value,
      locale: r.locale === 'en' ? ('en' as const) : ('it' as const), mustChangePassword: r.must_change_password, locked, disabled: r.disabled_at !== null,
      totpEnabled: r.totp_enabled_at !== null,
      lastLoginAt: r.last_login_at?.toISOString() ?? null, version: r.version,
      abilities: abilitiesFor(actor, operatorActions, (a) =>
        list.some((x) => inReach(reachOf(actor, a), { ambitoId: x.ambitoId, enteId: x.enteId, officeId: x.officeId })) &&
        (a !== 'operators.unlock' || locked || r.failed_login_count > 0) &&
        (a !== 'operators.resetTotp' || r.totp_enabled_at !== null)),
      assignments: list,
    };
  });
  if (rows.length > 0) audit({ targets: rows.map((r) => ({ kind: 'operator', id: r.id })), classesRead: [...classes] });
  return views;
}

/** One operator within reach of `action`, or undefined (the caller answers 404). */
export async function findOperatorInReach(tx: Tx, actor: Actor, action: string, id: string): Promise<OperatorRow | undefined> {
  return tx.selectFrom('operator as o').select(operatorColumns).where('o.id', '=', id).where(operatorInReachSql(actor, action, 'o.id')).executeTakeFirst();
}
