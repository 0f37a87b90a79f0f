import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFiscalCode } from '@siso/shared';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createPerson } from '../../testing/persons.js';
import { pdfText } from '../../testing/pdf-text.js';
import { fullSections } from '../../access/matrix/intake-fixtures.js';

/**
 * Generated documents of the intake desk (issue 5): the scheda printed as PDF with the ente's
 * letterhead and the filtered list exported as XLSX, both masked like the screen (a field the desk may
 * not read is "riservato") and audited with every person as subject.
 */
let t: TestApp;
let sportello: TestClient;
let sportelloB: TestClient;
const people: Array<{ id: string; surname: string; fiscalCode: string }> = [];
const schede: Array<{ id: string; number: string }> = [];

beforeAll(async () => {
  t = await createTestApp();
  sportello = await t.as('sportello');
  sportelloB = await t.as('sportelloB');
  for (const [surname, name, birthDate] of [['Documenti', 'Carla', '1966-03-03'], ['Esportati', 'Piero', '1971-09-09']] as const) {
    const fiscalCode = computeFiscalCode({ surname, name, sex: name === 'Carla' ? 'F' : 'M', birthDate, birthPlaceCode: 'C745' });
    const p = await createPerson(sportello, { fiscalCode, surname, name });
    if (p.status !== 200) throw new Error(JSON.stringify(p.body));
    people.push({ id: p.body.id, surname, fiscalCode });
    const s = await sportello.call('intakeRecords.create', fullSections(p.body.id, 'take_charge_proposal'));
    if (s.status !== 200) throw new Error(JSON.stringify(s.body));
    schede.push({ id: s.body.id, number: s.body.number });
  }
  const note = await sportello.call('intakeNotes.create', { intakeId: schede[0]!.id, text: 'Colloquio svolto con la figlia', private: false });
  if (note.status !== 200) throw new Error(JSON.stringify(note.body));
  const req = await sportello.call('serviceRequests.create', { intakeId: schede[0]!.id, serviceCode: 'UDC80', minutesWorked: 30, notes: 'Iscrizione al centro per l’impiego' });
  if (req.status !== 200) throw new Error(JSON.stringify(req.body));
});
afterAll(async () => t?.close());

async function readXlsx(base64: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe('printing a scheda', () => {
  it('is an A4 PDF with the letterhead, the number, the person, the sections, the requests and the diary', async () => {
    const r = await sportello.call('intakeRecords.print', { id: schede[0]!.id });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.mediaType).toBe('application/pdf');
    expect(r.body.filename).toMatch(/^scheda-.*\.pdf$/);
    const pdf = Buffer.from(r.body.contentBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Comune di Città di Castello');
    expect(text).toContain(`Scheda di accesso n. ${schede[0]!.number}`);
    expect(text).toContain('Documenti');
    expect(text).toContain(people[0]!.fiscalCode);
    expect(text).toContain('Di persona');
    expect(text).toContain('Proposta di presa in carico');
    expect(text).toContain('Orientamento e inserimento lavorativo');
    expect(text).toContain('Colloquio svolto con la figlia');
    expect(text).toMatch(/Pagina 1 di \d/);
    const audit = await t.database.db.selectFrom('audit_event').select('subject_people').where('action', '=', 'intakeRecords.print').where('outcome', '=', 'ok').execute();
    expect(audit.at(-1)?.subject_people).toContain(people[0]!.id);
  });

  it('is 404 for a scheda of another ente', async () => {
    expect((await sportelloB.call('intakeRecords.print', { id: schede[0]!.id })).status).toBe(404);
  });
});

describe('exporting the list', () => {
  it('writes the visible schede with the agreed columns and audits every person', async () => {
    const r = await sportello.call('intakeRecords.export', {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', rows: 2, truncated: false });
    const ws = await readXlsx(r.body.contentBase64);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      'Numero', 'Data accesso', 'Stato', 'Sportello', 'Operatore', 'Modalità', 'Motivo', 'Esito', 'Categoria', 'Cognome', 'Nome', 'Codice fiscale', 'Proposta',
    ]);
    const rows = [3, 4].map((n) => (ws.getRow(n).values as unknown[]).slice(1));
    const byNumber = new Map(rows.map((row) => [row[0], row]));
    const first = byNumber.get(schede[0]!.number)!;
    expect(first).toBeDefined();
    expect(first[2]).toBe('Incompleta');
    expect(first[5]).toBe('Di persona');
    expect(first[7]).toBe('Proposta di presa in carico');
    expect(first[9]).toBe('Documenti');
    expect(first[10]).toBe('Carla');
    expect(first[11]).toBe(people[0]!.fiscalCode);
    expect(byNumber.get(schede[1]!.number)?.[9]).toBe('Esportati');
    const audit = await t.database.db.selectFrom('audit_event').select('subject_people').where('action', '=', 'intakeRecords.export').where('outcome', '=', 'ok').execute();
    expect([...(audit.at(-1)?.subject_people ?? [])].sort()).toEqual(people.map((p) => p.id).sort());
    // Another ente's export does not contain them.
    const other = await sportelloB.call('intakeRecords.export', {});
    expect(other.status).toBe(200);
    expect(other.body.rows).toBe(0);
  });

  it('masks what the desk may not read, in the export and in the print', async () => {
    const office = await t.database.db
      .selectFrom('operator as o').innerJoin('assignment as a', 'a.operator_id', 'o.id')
      .select(['a.office_id', 'a.ente_id', 'a.ambito_id']).where('o.username', '=', 'sportello').executeTakeFirstOrThrow();
    const before = await t.database.db.selectFrom('desk_config').select('readable_classes').where('office_id', '=', office.office_id).executeTakeFirst();
    await t.database.db
      .insertInto('desk_config').values({ office_id: office.office_id, ente_id: office.ente_id, ambito_id: office.ambito_id, desk_kind: 'general', readable_classes: ['public'] })
      .onConflict((oc) => oc.column('office_id').doUpdateSet({ readable_classes: ['public'] }))
      .execute();
    try {
      const r = await sportello.call('intakeRecords.export', {});
      expect(r.status).toBe(200);
      const ws = await readXlsx(r.body.contentBase64);
      const row = (ws.getRow(3).values as unknown[]).slice(1);
      expect(row[9]).toBe('riservato');
      expect(row[11]).toBe('riservato');
      const printed = await sportello.call('intakeRecords.print', { id: schede[0]!.id });
      const text = pdfText(Buffer.from(printed.body.contentBase64, 'base64')).replace(/\s+/g, ' ');
      expect(text).toContain('riservato');
      expect(text).not.toContain(people[0]!.fiscalCode);
      expect(text).not.toContain('Iscrizione al centro');
    } finally {
      await t.database.db.updateTable('desk_config').set({ readable_classes: before?.readable_classes ?? null }).where('office_id', '=', office.office_id).execute();
    }
  });

  it('stops at 10,000 rows and says the list was truncated', async () => {
    const at = await t.database.db
      .selectFrom('operator as o').innerJoin('assignment as a', 'a.operator_id', 'o.id')
      .select(['o.id as operator_id', 'a.office_id', 'a.ente_id', 'a.ambito_id']).where('o.username', '=', 'sportello').executeTakeFirstOrThrow();
    await sql`
      INSERT INTO intake_record (id, ambito_id, ente_id, office_id, created_by, number, access_date, operator_id)
      SELECT gen_random_uuid(), ${at.ambito_id}, ${at.ente_id}, ${at.office_id}, ${at.operator_id}, 'T/' || g, DATE '2020-01-01' + (g % 365), ${at.operator_id}
        FROM generate_series(1, 10000) g`.execute(t.database.db);
    const r = await sportello.call('intakeRecords.export', {});
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ rows: 10_000, truncated: true });
    const ws = await readXlsx(r.body.contentBase64);
    expect(ws.rowCount).toBe(2 + 10_000);
    const filtered = await sportello.call('intakeRecords.export', { from: '2021-01-01' });
    expect(filtered.body).toMatchObject({ rows: 2, truncated: false });
  });
});
