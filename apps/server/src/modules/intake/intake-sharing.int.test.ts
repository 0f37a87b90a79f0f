import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createPerson } from '../../testing/persons.js';
import { placementOf } from '../../testing/placement.js';
import { PDF_BYTES, b64 } from '../../testing/attachment-fixtures.js';
import { pdfText } from '../../testing/pdf-text.js';

/**
 * A scheda shared through an access grant (issue 10, points 1, 2 and 5): the grantee reads, never
 * writes (a grant shares for reading: every write is 403 before anything is written), and a grant made
 * with "hide the information produced by my office" hides the notes, service requests and files that
 * office wrote — in the view, the print and the file download alike.
 */
let t: TestApp;
let sportello: TestClient;
let grantee: TestClient;
let intakeId: string;
let attachmentId: string;
let grantId: string;
const NOTE = `Colloquio con la figlia ${crypto.randomUUID().slice(0, 8)}`;
const REQUEST_NOTES = `Domanda di assegno ${crypto.randomUUID().slice(0, 8)}`;
const db = () => t.database.db;

beforeAll(async () => {
  t = await createTestApp();
  sportello = await t.as('sportello');
  grantee = await t.as('assistenteB');
  const p = await createPerson(sportello, { surname: 'Conti', name: 'Lucia' });
  expect(p.status, JSON.stringify(p.body)).toBe(200);
  const s = await sportello.call('intakeRecords.create', { personId: p.body.id });
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  intakeId = s.body.id;
  expect((await sportello.call('intakeNotes.create', { intakeId, text: NOTE, private: false })).status).toBe(200);
  const sr = await sportello.call('serviceRequests.create', {
    intakeId, serviceCode: 'UDC80', status: 'open', minutesWorked: 10, notes: REQUEST_NOTES,
    attachments: [{ filename: 'domanda.pdf', mediaType: 'application/pdf', contentBase64: b64(PDF_BYTES) }],
  });
  expect(sr.status, JSON.stringify(sr.body)).toBe(200);
  attachmentId = sr.body.attachments[0]!.id;
  // The desk shares the scheda with the grantee's office, hiding what the desk itself wrote. Written
  // directly: grants.create has its own tests; here the read paths are under test.
  const desk = (await placementOf(db(), 'sportello')).officeId;
  const to = (await placementOf(db(), 'assistenteB')).officeId;
  const from = await placementOf(db(), 'responsabile');
  grantId = crypto.randomUUID();
  await db().insertInto('access_grant').values({
    id: grantId, ambito_id: from.ambitoId!, ente_id: from.enteId, record_kind: 'intakeRecord', record_id: intakeId, subject_kind: 'office', subject_id: to,
    purpose: 'valutazione congiunta', valid_from: '2025-01-01', hide_info_from_office: desk, granted_by: from.operatorId,
  }).execute();
});
afterAll(async () => t?.close());

async function writes() {
  const r = await sql<Record<string, unknown>>`
    SELECT (SELECT version FROM intake_record WHERE id = ${intakeId}) AS version,
           (SELECT count(*)::int FROM intake_note WHERE intake_id = ${intakeId}) AS notes,
           (SELECT count(*)::int FROM service_request WHERE intake_id = ${intakeId}) AS requests`.execute(db());
  return r.rows[0];
}

describe('a shared scheda', () => {
  it('hides from the grantee what the hiding office produced: notes, service requests, files, also in the print', async () => {
    const view = await grantee.call('intakeRecords.get', { id: intakeId });
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    const text = JSON.stringify(view.body);
    expect(text).not.toContain(NOTE);
    expect(text).not.toContain(REQUEST_NOTES);
    expect(text).not.toContain(attachmentId);
    expect((await grantee.call('attachments.get', { id: attachmentId })).status).toBe(404);
    const print = await grantee.call('intakeRecords.print', { id: intakeId });
    expect(print.status).toBe(200);
    const printed = pdfText(Buffer.from(print.body.contentBase64, 'base64')).replace(/\s+/g, ' ');
    expect(printed).not.toContain(NOTE);
    expect(printed).not.toContain(REQUEST_NOTES);
  });

  it('shows them once the grant no longer hides the office (control)', async () => {
    await db().updateTable('access_grant').set({ hide_info_from_office: null }).where('id', '=', grantId).execute();
    try {
      const text = JSON.stringify((await grantee.call('intakeRecords.get', { id: intakeId })).body);
      expect(text).toContain(NOTE);
      expect(text).toContain(attachmentId);
      expect((await grantee.call('attachments.get', { id: attachmentId })).status).toBe(200);
    } finally {
      const desk = (await placementOf(db(), 'sportello')).officeId;
      await db().updateTable('access_grant').set({ hide_info_from_office: desk }).where('id', '=', grantId).execute();
    }
  });

  it('lets the grantee read but never write: 403 before anything is written', async () => {
    const before = await writes();
    const version = (await sportello.call('intakeRecords.get', { id: intakeId })).body.version;
    const attempts: Array<[string, Record<string, unknown>]> = [
      ['intakeNotes.create', { intakeId, text: 'Nota di un altro ente', private: false }],
      ['serviceRequests.create', { intakeId, serviceCode: 'UDC80', status: 'open', minutesWorked: 1 }],
      ['intakeRecords.update', { id: intakeId, version, interlocutor: { type: 'user' } }],
      ['intakeRecords.complete', { id: intakeId, version }],
      ['intakeRecords.delete', { id: intakeId, version, reason: 'Scheda duplicata per errore' }],
    ];
    const seen: Record<string, number> = {};
    for (const [action, input] of attempts) seen[action] = (await grantee.callRaw(action, input)).status;
    expect(seen).toEqual(Object.fromEntries(attempts.map(([a]) => [a, 403])));
    expect(await writes()).toEqual(before);
  });
});
