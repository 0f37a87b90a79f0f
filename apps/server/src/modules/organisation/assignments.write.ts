import crypto from 'node:crypto';
import type { AssignmentInput } from '@siso/shared';
import type { Actor } from '../../access/actor.js';
import { AppError } from '../../http/app-error.js';
import { updateVersioned } from '../../db/optimistic-lock.js';
import type { Tx } from '../../db/transaction.js';
import { assertGrantable } from './grantable.js';
import { reachable } from './reach.js';

/**
 * Writes one assignment (operator × office × professional type, validity-dated) and its profiles.
 * The office must be within the actor's reach; each profile must be a region template or a profile
 * of the office's ambito (else 404) and hold nothing the actor does not (else 403, assertGrantable).
 * Returns the audit details of the change.
 */
export async function writeAssignment(tx: Tx, actor: Actor, action: string, operatorId: string, a: AssignmentInput, path: string): Promise<Record<string, unknown>> {
  const office = reachable(
    actor,
    action,
    await tx.selectFrom('office').select(['id', 'ambito_id', 'ente_id']).where('id', '=', a.officeId).where('archived_at', 'is', null).executeTakeFirst(),
    (o) => ({ ambitoId: o.ambito_id, enteId: o.ente_id, officeId: o.id }),
  );
  const before = a.id
    ? reachable(
        actor,
        action,
        await tx.selectFrom('assignment').selectAll().where('id', '=', a.id).where('operator_id', '=', operatorId).executeTakeFirst(),
        (x) => ({ ambitoId: x.ambito_id, enteId: x.ente_id, officeId: x.office_id }),
      )
    : null;
  const held = before
    ? new Set((await tx.selectFrom('assignment_profile').select('profile_id').where('assignment_id', '=', before.id).execute()).map((r) => r.profile_id))
    : new Set<string>();
  const profileIds = [...new Set(a.profileIds)];
  for (const [i, id] of profileIds.entries()) {
    const p = await tx.selectFrom('profile').select(['id', 'ambito_id', 'permissions', 'scope']).where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
    if (!p || (p.ambito_id !== null && p.ambito_id !== office.ambito_id)) {
      throw new AppError('not_found', [{ path: `${path}.profileIds.${i}`, message: 'profilo_non_disponibile' }]);
    }
    // A profile the operator already has on this assignment is kept, not granted anew.
    if (!held.has(id)) assertGrantable(actor, { ...p, regionTemplate: p.ambito_id === null && actor.context?.ambitoId != null }, (perm) => `${path}.profileIds.${i}.permissions.${perm}`, `${path}.profileIds.${i}.scope`);
  }
  const values = {
    ambito_id: office.ambito_id,
    ente_id: office.ente_id,
    office_id: office.id,
    professional_type: a.professionalType,
    valid_from: a.validFrom,
    valid_to: a.validTo ?? null,
  };
  let id: string;
  if (before) {
    if (a.version === undefined) throw new AppError('invalid_input', [{ path: `${path}.version`, message: 'required' }]);
    id = before.id;
    await updateVersioned(tx, 'assignment', id, a.version, { ...values, updated_by: actor.operatorId });
    await tx.deleteFrom('assignment_profile').where('assignment_id', '=', id).execute();
  } else {
    id = crypto.randomUUID();
    await tx.insertInto('assignment').values({ id, operator_id: operatorId, ...values, created_by: actor.operatorId }).execute();
  }
  await tx.insertInto('assignment_profile').values(profileIds.map((profile_id) => ({ assignment_id: id, profile_id }))).execute();
  return {
    assignment: id,
    old: before ? { officeId: before.office_id, professionalType: before.professional_type, validFrom: before.valid_from, validTo: before.valid_to, profileIds: [...held] } : null,
    new: { officeId: office.id, professionalType: a.professionalType, validFrom: a.validFrom, validTo: a.validTo ?? null, profileIds },
  };
}
