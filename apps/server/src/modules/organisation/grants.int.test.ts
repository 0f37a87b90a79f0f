import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type InputOf, type TestApp, type TestClient } from '../../testing/test-app.js';

let t: TestApp;
let assistente: TestClient;
let place: { operatorId: string; ambitoId: string | null; enteId: string; officeId: string };

const placement = (username: string) =>
  t.database.db
    .selectFrom('assignment').innerJoin('operator', 'operator.id', 'assignment.operator_id')
    .select(['operator.id as operatorId', 'assignment.ambito_id as ambitoId', 'assignment.ente_id as enteId', 'assignment.office_id as officeId'])
    .where('operator.username', '=', username).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestApp();
  assistente = await t.as('assistente');
  place = await placement('assistente');
});
afterAll(async () => t?.close());

/** A case shared with the social worker's office (no case module yet: the grant is how they see it). */
async function sharedCase(): Promise<string> {
  const recordId = crypto.randomUUID();
  await t.database.db.insertInto('access_grant').values({
    id: crypto.randomUUID(), ambito_id: place.ambitoId!, ente_id: place.enteId, record_kind: 'case', record_id: recordId,
    subject_kind: 'office', subject_id: place.officeId, purpose: 'presa in carico', valid_from: '2024-01-01',
  }).execute();
  return recordId;
}

describe('access grants', () => {
  it('shares a visible record for a time, hides the own office on request, and revokes it once', async () => {
    const recordId = await sharedCase();
    const other = await placement('assistenteB');
    const input = { recordKind: 'case', recordId, subjectKind: 'operator', subjectId: other.operatorId, purpose: 'valutazione congiunta', validFrom: '2025-01-01', validTo: '2025-06-30' } satisfies InputOf<'grants.create'>;
    const res = await assistente.call('grants.create', { ...input, hideInfoFrom: place.officeId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ hideInfoFrom: place.officeId, grantedBy: place.operatorId, revokedAt: null, abilities: ['grants.revoke'] });
    expect((await assistente.call('grants.create', { ...input, hideInfoFrom: other.officeId })).status).toBe(400);
    expect((await assistente.call('grants.create', { ...input, validTo: '2024-12-31' })).status).toBe(400);
    expect((await assistente.call('grants.create', { ...input, subjectId: crypto.randomUUID() })).status).toBe(404);
    const revoked = await assistente.call('grants.revoke', { id: res.body.id });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect(revoked.body.abilities).toEqual([]);
    expect((await assistente.call('grants.revoke', { id: res.body.id })).status).toBe(422);
  });

  it('answers 404 for a record the granter does not see, and 403 to a profile without the permission', async () => {
    const unknown = { recordKind: 'case', recordId: crypto.randomUUID(), subjectKind: 'ente', subjectId: place.enteId, purpose: 'prova di accesso', validFrom: '2025-01-01' } satisfies InputOf<'grants.create'>;
    expect((await assistente.call('grants.create', unknown)).status).toBe(404);
    const sportello = await t.as('sportello');
    expect((await sportello.call('grants.create', { ...unknown, recordId: await sharedCase() })).status).toBe(403);
  });
});
