import crypto from 'node:crypto';
import { demoFiscalCode } from '../seed/seed-organisation.js';
import { placementOf } from './placement.js';
import type { TestApp, TestClient } from './test-app.js';

/**
 * A new operator placed by a test in an office of type `officeType` of the comune where `like` works,
 * with one template profile and the same password as the personas; logged in.
 */
export async function addOperator(
  t: TestApp,
  o: { username: string; like: string; officeType: string; profile: string; professionalType?: string },
): Promise<{ client: TestClient; officeId: string }> {
  const db = t.database.db;
  const model = await db.selectFrom('operator').selectAll().where('username', '=', o.like).executeTakeFirstOrThrow();
  const place = await placementOf(db, o.like);
  const office = await db.selectFrom('office').select('id').where('ente_id', '=', place.enteId).where('type', '=', o.officeType).executeTakeFirstOrThrow();
  const profile = await db.selectFrom('profile').select('id').where('code', '=', o.profile).where('ambito_id', 'is', null).executeTakeFirstOrThrow();
  const id = crypto.randomUUID();
  await db.insertInto('operator').values({
    id, regione_id: model.regione_id, username: o.username, fiscal_code: demoFiscalCode(o.username, 'Paola', 'Prova', 'C745'), given_name: 'Paola', family_name: 'Prova',
    email: `${o.username}@demo.siso.invalid`, password_hash: model.password_hash, password_changed_at: new Date(),
  }).execute();
  const assignmentId = crypto.randomUUID();
  await db.insertInto('assignment').values({
    id: assignmentId, operator_id: id, ambito_id: place.ambitoId, ente_id: place.enteId, office_id: office.id,
    professional_type: o.professionalType ?? 'operatore_sportello', valid_from: '2020-01-01',
  }).execute();
  await db.insertInto('assignment_profile').values({ assignment_id: assignmentId, profile_id: profile.id }).execute();
  return { client: await t.as(o.username), officeId: office.id };
}
