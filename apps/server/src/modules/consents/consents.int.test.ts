import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createPerson } from '../../testing/persons.js';
import { b64, INFECTED_PDF, PDF_BYTES, testScanCommand } from '../../testing/attachment-fixtures.js';
import { pdfText } from '../../testing/pdf-text.js';
import { fullSections } from '../../access/matrix/intake-fixtures.js';
import { hasConsent } from './has-consent.js';
import { todayInRome } from '../../documents/rome-time.js';

/**
 * Privacy at the desk (issue 5, point 3) through the real pipeline: the notice with its signed form,
 * optional consents given and refused, a change of mind withdrawing the previous choice, withdrawal
 * (GDPR art. 7(3)), minors signing through a parent (c.c. art. 2, 316), the status, the printed form,
 * hasConsent for the modules that act on consent, and another ente seeing nothing.
 */
let t: TestApp;
let scan: { command: string; dir: string };
let sportello: TestClient;
let sportelloB: TestClient;
let enteId: string;

const today = () => todayInRome();
const yearsAgo = (n: number) => `${new Date().getUTCFullYear() - n}-01-01`;
const rep = { surname: 'Genitore', name: 'Paola', fiscalCode: null };

async function person(input: Record<string, unknown>): Promise<string> {
  const r = await createPerson(sportello, input);
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return r.body.id;
}

beforeAll(async () => {
  scan = testScanCommand();
  t = await createTestApp({ config: { SISO_ATTACHMENT_SCAN_COMMAND: scan.command } });
  sportello = await t.as('sportello');
  sportelloB = await t.as('sportelloB');
  const op = await t.database.db
    .selectFrom('operator as o').innerJoin('assignment as a', 'a.operator_id', 'o.id')
    .select('a.ente_id').where('o.username', '=', 'sportello').executeTakeFirstOrThrow();
  enteId = op.ente_id;
});
afterAll(async () => {
  await t?.close();
  const fs = await import('node:fs');
  fs.rmSync(scan.dir, { recursive: true, force: true });
});

describe('notice and consents', () => {
  it('records the notice with the signed form and the consents, then a change of mind and a withdrawal', async () => {
    const id = await person({ surname: 'Privacy', name: 'Marco', birthDate: '1975-05-05', sex: 'M' });
    const empty = await sportello.call('consents.get', { personId: id });
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ personId: id, status: 'not_signed', notices: [], consents: [] });
    expect(empty.body.consentTypes.map((c: { code: string }) => c.code)).toEqual(['centri_impiego', 'contatto_email', 'app_io']);
    expect(empty.body.abilities).toEqual(expect.arrayContaining(['consents.record', 'consents.print']));

    const r = await sportello.call('consents.record', {
      personId: id,
      notice: { givenOn: today(), mode: 'in_person', signerKind: 'self', document: { filename: 'informativa-firmata.pdf', mediaType: 'application/pdf', contentBase64: b64(PDF_BYTES) } },
      consents: [
        { type: 'centri_impiego', given: true, givenOn: today() },
        { type: 'contatto_email', given: false, givenOn: today() },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.status).toBe('signed');
    expect(r.body.notices).toHaveLength(1);
    expect(r.body.notices[0]).toMatchObject({ givenOn: today(), mode: 'in_person', signerKind: 'self', representative: null, deskOfficeName: null, recordedByName: 'Silvia Accoglienza' });
    expect(r.body.notices[0]!.document).toMatchObject({ filename: 'informativa-firmata.pdf', mediaType: 'application/pdf', scanStatus: 'clean' });
    const doc = await sportello.call('attachments.get', { id: r.body.notices[0]!.document!.id });
    expect(doc.status).toBe(200);
    expect(Buffer.from(doc.body.contentBase64, 'base64').equals(PDF_BYTES)).toBe(true);
    expect(r.body.consents.map((c: { type: string; given: boolean; withdrawnAt: string | null }) => [c.type, c.given, c.withdrawnAt])).toEqual(
      expect.arrayContaining([['centri_impiego', true, null], ['contatto_email', false, null]]),
    );
    expect(r.body.consents.find((c: { type: string }) => c.type === 'centri_impiego')!.typeLabel).toMatch(/Centri per l'impiego/);
    expect(await hasConsent(t.database.db, id, enteId, 'centri_impiego')).toBe(true);
    expect(await hasConsent(t.database.db, id, enteId, 'contatto_email')).toBe(false);
    expect(await hasConsent(t.database.db, id, enteId, 'app_io')).toBe(false);

    // A change of mind: the refusal is withdrawn and the new choice is in force.
    const changed = await sportello.call('consents.record', { personId: id, consents: [{ type: 'contatto_email', given: true, givenOn: today() }] });
    expect(changed.status).toBe(200);
    const email = changed.body.consents.filter((c: { type: string }) => c.type === 'contatto_email');
    expect(email.map((c: { given: boolean; withdrawnAt: string | null }) => [c.given, c.withdrawnAt === null])).toEqual([[true, true], [false, false]]);
    expect(email[1]!.withdrawReason).toMatch(/nuova scelta/);
    expect(await hasConsent(t.database.db, id, enteId, 'contatto_email')).toBe(true);
    const inForce = await sql<{ n: number }>`SELECT count(*)::int AS n FROM consent WHERE person_id = ${id} AND withdrawn_at IS NULL`.execute(t.database.db);
    expect(inForce.rows[0]!.n).toBe(2);

    // Withdrawal (GDPR art. 7(3)): effective at once; a second withdrawal finds nothing in force.
    const consentId = email[0]!.id;
    expect(email[0]!.abilities).toContain('consents.withdraw');
    const w = await sportello.call('consents.withdraw', { consentId, reason: 'Non vuole più essere contattato' });
    expect(w.status).toBe(200);
    const withdrawn = w.body.consents.find((c: { id: string }) => c.id === consentId);
    expect(withdrawn).toMatchObject({ withdrawReason: 'Non vuole più essere contattato', withdrawnByName: 'Silvia Accoglienza', abilities: [] });
    expect(withdrawn!.withdrawnAt).not.toBeNull();
    expect(await hasConsent(t.database.db, id, enteId, 'contatto_email')).toBe(false);
    expect((await sportello.call('consents.withdraw', { consentId, reason: 'di nuovo' })).status).toBe(404);

    const audit = await t.database.db.selectFrom('audit_event').select(['action', 'subject_people']).where('action', 'in', ['consents.record', 'consents.withdraw']).where('outcome', '=', 'ok').execute();
    expect(audit.length).toBe(3);
    expect(audit.every((a) => a.subject_people.includes(id))).toBe(true);
  });

  it('a merge of two people who both chose keeps the most recent choice in force (one per type)', async () => {
    const a = await person({ surname: 'Doppione', name: 'Ugo', birthDate: '1970-03-03', sex: 'M' });
    const b = await person({ surname: 'Doppione', name: 'Ugo', birthDate: '1970-03-03', sex: 'M', notes: 'registrato due volte' });
    expect((await sportello.call('consents.record', { personId: a, consents: [{ type: 'centri_impiego', given: true, givenOn: today() }] })).status).toBe(200);
    expect((await sportello.call('consents.record', { personId: b, consents: [{ type: 'centri_impiego', given: false, givenOn: today() }] })).status).toBe(200);
    const responsabile = await t.as('responsabile');
    const [pa, pb] = [(await responsabile.call('persons.get', { id: a })).body, (await responsabile.call('persons.get', { id: b })).body];
    const m = await responsabile.call('persons.merge', { survivorId: a, survivorVersion: pa.version, mergedId: b, mergedVersion: pb.version, reason: 'stessa persona registrata due volte' });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    const after = await sportello.call('consents.get', { personId: a });
    const jobCentres = after.body.consents.filter((c: { type: string }) => c.type === 'centri_impiego');
    expect(jobCentres.map((c: { given: boolean; withdrawnAt: string | null }) => [c.given, c.withdrawnAt === null])).toEqual([[false, true], [true, false]]);
    expect(await hasConsent(t.database.db, a, enteId, 'centri_impiego')).toBe(false);
  });

  it('refuses bad input with field paths: future date, unknown type, a representative missing or not expected, an infected form', async () => {
    const id = await person({ surname: 'Errori', name: 'Lia', birthDate: '1990-02-02', sex: 'F' });
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ notice: { givenOn: future, mode: 'in_person' } }, 'notice.givenOn'],
      [{ consents: [{ type: 'lotteria', given: true, givenOn: today() }] }, 'consents.0.type'],
      [{ consents: [{ type: 'app_io', given: true, givenOn: today() }, { type: 'app_io', given: false, givenOn: today() }] }, 'consents.1.type'],
      [{ notice: { givenOn: today(), mode: 'post', signerKind: 'amministratore_sostegno' } }, 'notice.representative'],
      [{ notice: { givenOn: today(), mode: 'post', signerKind: 'self', representative: rep } }, 'notice.representative'],
      [{ notice: { givenOn: today(), mode: 'in_person', document: { filename: 'x.pdf', mediaType: 'application/pdf', contentBase64: b64(INFECTED_PDF) } } }, 'notice.document.contentBase64'],
      [{ intakeId: crypto.randomUUID(), notice: { givenOn: today(), mode: 'in_person' } }, 'intakeId'],
    ];
    for (const [input, path] of cases) {
      const r = await sportello.call('consents.record', { personId: id, ...input });
      expect(r.status, JSON.stringify(r.body)).toBe(422);
      expect(r.error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    }
    const nothing = await sportello.call('consents.record', { personId: id });
    expect(nothing.status).toBe(400);
    expect(nothing.error.details).toEqual([{ path: 'consents', message: expect.stringMatching(/informativa/) }]);
    const rows = await sql<{ n: number }>`SELECT (SELECT count(*) FROM privacy_notice WHERE person_id = ${id}) + (SELECT count(*) FROM consent WHERE person_id = ${id}) AS n`.execute(t.database.db);
    expect(Number(rows.rows[0]!.n)).toBe(0);
  });

  it('a minor signs through a parent or the tutore (c.c. art. 2, 316)', async () => {
    const minor = await person({ surname: 'Minore', name: 'Tea', birthDate: yearsAgo(12), sex: 'F' });
    const self = await sportello.call('consents.record', { personId: minor, notice: { givenOn: today(), mode: 'in_person', signerKind: 'self' } });
    expect(self.status).toBe(422);
    expect(self.error.details).toEqual([{ path: 'notice.signerKind', message: expect.stringMatching(/minorenne.*art\. 2 e 316/) }]);
    const byParent = await sportello.call('consents.record', {
      personId: minor,
      notice: { givenOn: today(), mode: 'in_person', signerKind: 'parent', representative: rep },
      consents: [{ type: 'app_io', given: true, givenOn: today(), signerKind: 'parent', representative: rep }],
    });
    expect(byParent.status, JSON.stringify(byParent.body)).toBe(200);
    expect(byParent.body.notices[0]).toMatchObject({ signerKind: 'parent', representative: { surname: 'Genitore', name: 'Paola' } });
    expect(byParent.body.consents[0]).toMatchObject({ signerKind: 'parent', representative: { surname: 'Genitore' } });
  });

  it('links the notice to the scheda it was given at, when that scheda is about the person', async () => {
    const id = await person({ surname: 'Scheda', name: 'Ines', birthDate: '1988-10-10', sex: 'F' });
    const other = await person({ surname: 'Altra', name: 'Persona', birthDate: '1988-10-11', sex: 'F' });
    const scheda = await sportello.call('intakeRecords.create', fullSections(id));
    expect(scheda.status, JSON.stringify(scheda.body)).toBe(200);
    const wrong = await sportello.call('consents.record', { personId: other, intakeId: scheda.body.id, notice: { givenOn: today(), mode: 'in_person' } });
    expect(wrong.status).toBe(422);
    const ok = await sportello.call('consents.record', { personId: id, intakeId: scheda.body.id, notice: { givenOn: today(), mode: 'in_person' } });
    expect(ok.status).toBe(200);
    const row = await t.database.db.selectFrom('privacy_notice').select('intake_id').where('person_id', '=', id).executeTakeFirstOrThrow();
    expect(row.intake_id).toBe(scheda.body.id);
    expect((await sportello.call('intakeRecords.get', { id: scheda.body.id })).body.privacyStatus).toBe('signed');
  });

  it('an anonymous person without a notice has status anonymous; with one, signed', async () => {
    const anon = await person({ identity: 'anonymous', notes: 'senza documenti' });
    expect((await sportello.call('consents.get', { personId: anon })).body.status).toBe('anonymous');
    await sportello.call('consents.record', { personId: anon, notice: { givenOn: today(), mode: 'in_person' } });
    expect((await sportello.call('consents.get', { personId: anon })).body.status).toBe('signed');
  });
});

describe('scope', () => {
  it('another ente sees neither the person nor their consents, and its own notices are separate', async () => {
    const id = await person({ surname: 'Altrove', name: 'Enzo', birthDate: '1960-06-06', sex: 'M' });
    const r = await sportello.call('consents.record', { personId: id, notice: { givenOn: today(), mode: 'in_person' }, consents: [{ type: 'app_io', given: true, givenOn: today() }] });
    const consentId = r.body.consents[0]!.id;
    expect((await sportelloB.call('consents.get', { personId: id })).status).toBe(404);
    expect((await sportelloB.call('consents.record', { personId: id, notice: { givenOn: today(), mode: 'in_person' } })).status).toBe(404);
    expect((await sportelloB.call('consents.withdraw', { consentId, reason: 'tentativo' })).status).toBe(404);
    expect((await sportelloB.call('consents.print', { personId: id })).status).toBe(404);
    expect((await sportelloB.call('attachments.get', { id: crypto.randomUUID() })).status).toBe(404);
    expect((await sportello.call('consents.withdraw', { consentId: crypto.randomUUID(), reason: 'inesistente' })).status).toBe(404);
  });

  it('a desk that collects its own notice (privacy per desk) does not count the ente-wide one', async () => {
    const id = await person({ surname: 'Sportello', name: 'Dedicato', birthDate: '1970-07-07', sex: 'M' });
    await sportello.call('consents.record', { personId: id, notice: { givenOn: today(), mode: 'in_person' } });
    expect((await sportello.call('consents.get', { personId: id })).body.status).toBe('signed');
    const office = await t.database.db
      .selectFrom('operator as o').innerJoin('assignment as a', 'a.operator_id', 'o.id')
      .select(['a.office_id', 'a.ente_id', 'a.ambito_id']).where('o.username', '=', 'sportello').executeTakeFirstOrThrow();
    // The demo may already configure the desk: switch the flag on, and back off afterwards.
    await t.database.db
      .insertInto('desk_config').values({ office_id: office.office_id, ente_id: office.ente_id, ambito_id: office.ambito_id, desk_kind: 'general', privacy_per_desk: true })
      .onConflict((oc) => oc.column('office_id').doUpdateSet({ privacy_per_desk: true }))
      .execute();
    try {
      expect((await sportello.call('consents.get', { personId: id })).body.status).toBe('not_signed');
      const desk = await sportello.call('consents.record', { personId: id, notice: { givenOn: today(), mode: 'in_person' } });
      expect(desk.body.status).toBe('signed');
      expect(desk.body.notices).toHaveLength(1);
      expect(desk.body.notices[0]!.deskOfficeName).toEqual(expect.any(String));
    } finally {
      await t.database.db.updateTable('desk_config').set({ privacy_per_desk: false }).where('office_id', '=', office.office_id).execute();
    }
  });
});

describe('printed forms', () => {
  it('prints the notice and the consent form with the ente letterhead and the person, and audits the read', async () => {
    const id = await person({ surname: 'Stampa', name: 'Nicolò', birthDate: '1985-08-08', sex: 'M' });
    const r = await sportello.call('consents.print', { personId: id });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.mediaType).toBe('application/pdf');
    const pdf = Buffer.from(r.body.contentBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Justified paragraphs wrap anywhere: compare with line breaks as spaces.
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Comune di Città di Castello');
    expect(text).toContain('Stampa Nicolò');
    expect(text).toMatch(/art\. 13/);
    expect(text).toMatch(/art\. 6, par\. 1, lett\. e/);
    expect(text).toContain('2-sexies');
    expect(text).toContain("Condivisione dei dati con i Centri per l'impiego");
    expect(text).toContain('Sì');
    expect(text).toContain('Firma del rappresentante legale');
    const audit = await t.database.db.selectFrom('audit_event').select('subject_people').where('action', '=', 'consents.print').where('outcome', '=', 'ok').execute();
    expect(audit.at(-1)?.subject_people).toEqual([id]);
  });
});
