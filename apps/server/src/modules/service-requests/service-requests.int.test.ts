import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type InputOf, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createPerson } from '../../testing/persons.js';
import { fullSections } from '../../access/matrix/intake-fixtures.js';
import { b64, INFECTED_PDF, PDF_BYTES, PNG_BYTES, testScanCommand, UNSCANNABLE_PDF } from '../../testing/attachment-fixtures.js';

/**
 * Service requests on a scheda with attachments (issue 5, point 2) through the real pipeline: files
 * accepted (PDF, PNG) and refused (type, spoofed content, size, base64, virus, scanner down) with
 * nothing saved, optimistic locking and soft removal, reading back with the hash, storage in a
 * directory, the catalogue, and scope (another ente sees nothing).
 */
const MAX = 4096;
let t: TestApp;
let scan: { command: string; dir: string };
let sportello: TestClient;
let sportelloB: TestClient;
let admin: TestClient;
let personId: string;

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const file = (filename: string, mediaType: string, bytes: Buffer) => ({ filename, mediaType, contentBase64: b64(bytes) });

async function newIntake(c: TestClient, person: string | null): Promise<string> {
  const r = await c.call('intakeRecords.create', fullSections(person));
  if (r.status !== 200) throw new Error(`intakeRecords.create: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id as string;
}

const counts = async (intakeId: string) => {
  const rows = await sql<{ requests: number; files: number }>`
    SELECT (SELECT count(*)::int FROM service_request WHERE intake_id = ${intakeId}) AS requests,
           (SELECT count(*)::int FROM attachment) AS files`.execute(t.database.db);
  return rows.rows[0]!;
};

beforeAll(async () => {
  scan = testScanCommand();
  t = await createTestApp({ config: { SISO_ATTACHMENT_MAX_BYTES: String(MAX), SISO_ATTACHMENT_SCAN_COMMAND: scan.command } });
  sportello = await t.as('sportello');
  sportelloB = await t.as('sportelloB');
  admin = await t.as('admin');
  personId = (await createPerson(sportello, { surname: 'Allegati', name: 'Giulia', birthDate: '1980-04-04', sex: 'F' })).body.id;
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(scan.dir, { recursive: true, force: true });
});

describe('creating a request with attachments', () => {
  it('accepts a PDF and a PNG, stores their hash and gives them back unchanged', async () => {
    const intakeId = await newIntake(sportello, personId);
    const r = await sportello.call('serviceRequests.create', {
      intakeId, serviceCode: 'UDC80', status: 'open', minutesWorked: 20, notes: 'Domanda per il centro per l’impiego',
      attachments: [file('domanda.pdf', 'application/pdf', PDF_BYTES), file('documento.png', 'image/png', PNG_BYTES)],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ intakeId, serviceCode: 'UDC80', serviceLabel: 'Orientamento e inserimento lavorativo', status: 'open', minutesWorked: 20, notes: 'Domanda per il centro per l’impiego', version: 0, createdByName: 'Silvia Accoglienza' });
    expect(r.body.abilities).toContain('serviceRequests.update');
    expect(r.body.attachments).toEqual([
      expect.objectContaining({ filename: 'domanda.pdf', mediaType: 'application/pdf', sizeBytes: PDF_BYTES.length, sha256: sha(PDF_BYTES), scanStatus: 'clean' }),
      expect.objectContaining({ filename: 'documento.png', mediaType: 'image/png', sizeBytes: PNG_BYTES.length, sha256: sha(PNG_BYTES), scanStatus: 'clean' }),
    ]);
    const got = await sportello.call('attachments.get', { id: r.body.attachments[1]!.id });
    expect(got.status).toBe(200);
    expect(got.body).toEqual({ filename: 'documento.png', mediaType: 'image/png', contentBase64: b64(PNG_BYTES), sha256: sha(PNG_BYTES) });
    const row = await t.database.db.selectFrom('attachment').select(['storage', 'owner_kind', 'content']).where('id', '=', r.body.attachments[0]!.id).executeTakeFirstOrThrow();
    expect(row.storage).toBe('database');
    expect(row.owner_kind).toBe('serviceRequest');
    expect(Buffer.from(row.content!).equals(PDF_BYTES)).toBe(true);
    // The read is audited with the person as subject.
    const audit = await t.database.db.selectFrom('audit_event').select(['subject_people']).where('action', '=', 'attachments.get').where('outcome', '=', 'ok').execute();
    expect(audit.at(-1)?.subject_people).toEqual([personId]);
    // The scheda shows its requests.
    const view = await sportello.call('intakeRecords.get', { id: intakeId });
    expect(view.body.serviceRequests.map((s: { id: string }) => s.id)).toEqual([r.body.id]);
  });

  it('refuses a bad file with a stable key and field path, and saves nothing — not even the good files of the same request', async () => {
    const intakeId = await newIntake(sportello, personId);
    const before = await counts(intakeId);
    const cases: Array<{ attachments: InputOf<'serviceRequests.create'>['attachments']; status: number; path: string; message: RegExp }> = [
      { attachments: [file('a.gif', 'image/gif', PNG_BYTES)], status: 422, path: 'attachments.0.mediaType', message: /tipo di file non ammesso/i },
      { attachments: [file('ok.pdf', 'application/pdf', PDF_BYTES), file('virus.pdf', 'application/pdf', Buffer.from('MZ\x90\x00 this is an exe', 'latin1'))], status: 422, path: 'attachments.1.contentBase64', message: /non corrisponde/i },
      { attachments: [file('big.pdf', 'application/pdf', Buffer.concat([PDF_BYTES, Buffer.alloc(MAX)]))], status: 422, path: 'attachments.0.contentBase64', message: /dimensione massima/i },
      { attachments: [{ filename: 'x.pdf', mediaType: 'application/pdf', contentBase64: 'JVBERi0x***' }], status: 422, path: 'attachments.0.contentBase64', message: /base64/i },
      { attachments: [file('ok.png', 'image/png', PNG_BYTES), file('eicar.pdf', 'application/pdf', INFECTED_PDF)], status: 422, path: 'attachments.1.contentBase64', message: /antivirus/i },
      { attachments: [file('x.pdf', 'application/pdf', UNSCANNABLE_PDF)], status: 503, path: 'attachments.0.contentBase64', message: /antivirus non disponibile/i },
    ];
    for (const c of cases) {
      const r = await sportello.call('serviceRequests.create', { intakeId, serviceCode: 'UDC80', attachments: c.attachments });
      expect(r.status, JSON.stringify(r.body)).toBe(c.status);
      expect(r.error.details).toEqual([{ path: c.path, message: expect.stringMatching(c.message) }]);
    }
    expect(await counts(intakeId)).toEqual(before);
  });

  it('needs a service of the catalogue that is enabled', async () => {
    const intakeId = await newIntake(sportello, personId);
    const unknown = await sportello.call('serviceRequests.create', { intakeId, serviceCode: 'NOPE' });
    expect(unknown.status).toBe(422);
    expect(unknown.error.details).toEqual([{ path: 'serviceCode', message: expect.stringMatching(/catalogo/) }]);
    await t.database.db.updateTable('service_catalogue').set({ enabled: false }).where('code', '=', 'UDC81').execute();
    const disabled = await sportello.call('serviceRequests.create', { intakeId, serviceCode: 'UDC81' });
    expect(disabled.status).toBe(422);
    await t.database.db.updateTable('service_catalogue').set({ enabled: true }).where('code', '=', 'UDC81').execute();
    expect((await sportello.call('serviceRequests.create', { intakeId, serviceCode: 'UDC81' })).status).toBe(200);
  });
});

describe('updating a request', () => {
  it('changes status and time with optimistic locking, adds and softly removes files', async () => {
    const intakeId = await newIntake(sportello, personId);
    const created = (await sportello.call('serviceRequests.create', { intakeId, serviceCode: 'UDC79', attachments: [file('a.pdf', 'application/pdf', PDF_BYTES)] })).body;
    const pdfId = created.attachments[0]!.id;
    const u1 = await sportello.call('serviceRequests.update', {
      id: created.id, version: 0, status: 'in_progress', minutesWorked: 45, addAttachments: [file('b.png', 'image/png', PNG_BYTES)], removeAttachmentIds: [pdfId],
    });
    expect(u1.status, JSON.stringify(u1.body)).toBe(200);
    expect(u1.body).toMatchObject({ status: 'in_progress', minutesWorked: 45, version: 1 });
    expect(u1.body.attachments.map((a: { filename: string }) => a.filename)).toEqual(['b.png']);
    const removed = await t.database.db.selectFrom('attachment').select(['deleted_at', 'deleted_by']).where('id', '=', pdfId).executeTakeFirstOrThrow();
    expect(removed.deleted_at).not.toBeNull();
    expect(removed.deleted_by).not.toBeNull();
    expect((await sportello.call('attachments.get', { id: pdfId })).status).toBe(404);

    const stale = await sportello.call('serviceRequests.update', { id: created.id, version: 0, status: 'done' });
    expect(stale.status).toBe(409);
    // Status moves freely: done, then reopened.
    expect((await sportello.call('serviceRequests.update', { id: created.id, version: 1, status: 'done' })).body.status).toBe('done');
    expect((await sportello.call('serviceRequests.update', { id: created.id, version: 2, status: 'open' })).body.status).toBe('open');
    const missing = await sportello.call('serviceRequests.update', { id: created.id, version: 3, removeAttachmentIds: [pdfId] });
    expect(missing.status).toBe(422);
    expect(missing.error.details).toEqual([{ path: 'removeAttachmentIds.0', message: expect.any(String) }]);
    const infected = await sportello.call('serviceRequests.update', { id: created.id, version: 3, minutesWorked: 99, addAttachments: [file('e.pdf', 'application/pdf', INFECTED_PDF)] });
    expect(infected.status).toBe(422);
    expect(infected.error.details[0]!.path).toBe('addAttachments.0.contentBase64');
    const after = await t.database.db.selectFrom('service_request').select(['minutes_worked', 'version']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ minutes_worked: 45, version: 3 });
  });
});

describe('scope', () => {
  it('another ente can neither see nor add to a scheda, nor read its files (404)', async () => {
    const intakeId = await newIntake(sportello, personId);
    const created = (await sportello.call('serviceRequests.create', { intakeId, serviceCode: 'UDC80', attachments: [file('a.pdf', 'application/pdf', PDF_BYTES)] })).body;
    expect((await sportelloB.call('serviceRequests.create', { intakeId, serviceCode: 'UDC80' })).status).toBe(404);
    expect((await sportelloB.call('serviceRequests.update', { id: created.id, version: 0, status: 'done' })).status).toBe(404);
    expect((await sportelloB.call('attachments.get', { id: created.attachments[0]!.id })).status).toBe(404);
    expect((await sportelloB.call('attachments.get', { id: crypto.randomUUID() })).status).toBe(404);
  });
});

describe('service catalogue', () => {
  it('lists enabled services, desk services first then by code, filtered by code or label', async () => {
    const all = await sportello.call('serviceCatalogue.find', {});
    expect(all.status).toBe(200);
    const items = all.body.items as Array<{ code: string; deskService: boolean; enabled: boolean }>;
    expect(items.length).toBeGreaterThan(5);
    const firstOther = items.findIndex((i) => !i.deskService);
    expect(items.slice(firstOther).every((i) => !i.deskService)).toBe(true);
    const desk = items.filter((i) => i.deskService).map((i) => i.code);
    expect(desk).toEqual([...desk].sort());
    expect(items.every((i) => i.enabled)).toBe(true);
    const q = await sportello.call('serviceCatalogue.find', { q: 'abitativ' });
    expect(q.body.items.map((i: { code: string }) => i.code)).toContain('UDC79');
    expect((await sportello.call('serviceCatalogue.find', { q: 'udc80' })).body.items.map((i: { code: string }) => i.code)).toEqual(['UDC80']);

    await t.database.db.updateTable('service_catalogue').set({ enabled: false }).where('code', '=', 'UDC82').execute();
    const forDesk = await sportello.call('serviceCatalogue.find', { includeDisabled: true });
    expect(forDesk.body.items.map((i: { code: string }) => i.code)).not.toContain('UDC82');
    const forAdmin = await admin.call('serviceCatalogue.find', { includeDisabled: true });
    expect(forAdmin.body.items).toContainEqual(expect.objectContaining({ code: 'UDC82', enabled: false }));
    await t.database.db.updateTable('service_catalogue').set({ enabled: true }).where('code', '=', 'UDC82').execute();
  });
});

describe('storage in a directory (SISO_ATTACHMENT_DIR)', () => {
  let t2: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'siso-att-')), 'files');
    t2 = await createTestApp({ config: { SISO_ATTACHMENT_DIR: dir } });
  });
  afterAll(async () => {
    await t2?.close();
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('writes a private file named by the attachment id, checks its hash on reading, and leaves no file when the request fails', async () => {
    const c = await t2.as('sportello');
    const person = (await createPerson(c, { surname: 'Cartella', name: 'Ugo' })).body.id;
    const intakeId = await newIntake(c, person);
    const r = await c.call('serviceRequests.create', { intakeId, serviceCode: 'UDC80', attachments: [file('a.pdf', 'application/pdf', PDF_BYTES)] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const id = r.body.attachments[0]!.id as string;
    expect(r.body.attachments[0]!.scanStatus).toBe('not_scanned');
    const row = await t2.database.db.selectFrom('attachment').select(['storage', 'content']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ storage: 'directory', content: null });
    expect(fs.readFileSync(path.join(dir, id)).equals(PDF_BYTES)).toBe(true);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(dir)).toEqual([id]);
    expect((await c.call('attachments.get', { id })).body.sha256).toBe(sha(PDF_BYTES));

    // A file changed on disk is never served.
    fs.writeFileSync(path.join(dir, id), Buffer.concat([PDF_BYTES, Buffer.from('tampered')]));
    expect((await c.call('attachments.get', { id })).status).toBe(500);

    // The first file is written, the second is refused: the transaction rolls back and the file goes.
    const bad = await c.call('serviceRequests.create', { intakeId, serviceCode: 'NOPE', attachments: [file('a.pdf', 'application/pdf', PDF_BYTES)] });
    expect(bad.status).toBe(422);
    const stale = await c.call('serviceRequests.update', { id: r.body.id, version: 5, addAttachments: [file('b.pdf', 'application/pdf', PDF_BYTES)] });
    expect(stale.status).toBe(409);
    // Here the new file is written before the removal of an unknown file fails: the rollback removes it.
    const failedLate = await c.call('serviceRequests.update', { id: r.body.id, version: 0, addAttachments: [file('b.pdf', 'application/pdf', PDF_BYTES)], removeAttachmentIds: [crypto.randomUUID()] });
    expect(failedLate.status).toBe(422);
    expect(await t2.database.db.selectFrom('attachment').select('id').execute()).toEqual([{ id }]);
    expect(fs.readdirSync(dir)).toEqual([id]);
  });
});
