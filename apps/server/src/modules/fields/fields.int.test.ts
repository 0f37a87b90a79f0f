import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldMessages, type FieldDefinitionView, type FieldMessageKey, type OfficeType } from '@siso/shared';
import { createTestApp, type InputOf, type TestApp, type TestClient } from '../../testing/test-app.js';
import { placementOf } from '../../testing/placement.js';
import { intersectClasses, type FieldClass } from '../../access/field-classes.js';
import { assertCustomWritable, maskCustomValues, MASKED, parseCustomValues } from '../../access/custom-fields.js';
import { AppError } from '../../http/app-error.js';
import { loadFieldDefinitions } from './fields.repo.js';

let t: TestApp;
let sysadmin: TestClient;
let admin: TestClient;
let admin2: TestClient;
let ambito1: string;
let regioneId: string;

beforeAll(async () => {
  t = await createTestApp();
  [sysadmin, admin, admin2] = [await t.as('sysadmin'), await t.as('admin'), await t.as('admin2')];
  const p = await placementOf(t.database.db, 'admin');
  ambito1 = p.ambitoId!;
  regioneId = (await t.database.db.selectFrom('ambito').select('regione_id').where('id', '=', ambito1).executeTakeFirstOrThrow()).regione_id;
});
afterAll(async () => t?.close());

const msg = (key: FieldMessageKey) => fieldMessages[key].it;
type FieldInput = InputOf<'fields.upsert'>;
const field = (over: Partial<FieldInput> & Pick<FieldInput, 'key'>): FieldInput => ({ target: 'intake', labelIt: 'Campo', type: 'text', fieldClass: 'personal', ...over });
const lastAudit = async (action: string) =>
  t.database.db.selectFrom('audit_event').select(['outcome', 'chain_key', 'targets', 'details']).where('action', '=', action).orderBy('seq', 'desc').executeTakeFirstOrThrow();

/** Every definition the client finds (all pages). */
async function findAll(client: TestClient, input: Record<string, unknown> = {}): Promise<FieldDefinitionView[]> {
  const out: FieldDefinitionView[] = [];
  let cursor: string | undefined;
  do {
    const res = await client.call('fields.find', { limit: 2, includeArchived: true, ...input, ...(cursor ? { cursor } : {}) });
    expect(res.status).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

describe('configuration-defined fields', () => {
  let template: FieldDefinitionView;
  let own: FieldDefinitionView;

  it('lets the system administrator create a region template, which every ambito sees but cannot edit', async () => {
    const res = await sysadmin.call('fields.upsert', field({
      key: 'numero_domanda_adi', labelIt: 'Numero della domanda ADI', labelEn: 'ADI application number', appliesTo: 'adi', fieldClass: 'public', pattern: 'ADI-[0-9]{4}-[0-9]{4}', required: true, position: 1,
    }));
    expect(res.status).toBe(200);
    template = res.body;
    expect(template).toMatchObject({ ambitoId: null, key: 'numero_domanda_adi', appliesTo: 'adi', fieldClass: 'public', required: true, archived: false, version: 0, abilities: ['fields.upsert'] });
    const audit = await lastAudit('fields.upsert');
    expect(audit).toMatchObject({ outcome: 'ok', chain_key: 'installation', targets: [{ kind: 'field_definition', id: template.id }] });
    expect(audit.details).toMatchObject({ scope: 'region_template', changes: { key: { old: null, new: 'numero_domanda_adi' } } });

    for (const client of [admin, admin2]) {
      const seen = (await findAll(client)).find((f) => f.id === template.id);
      expect(seen).toMatchObject({ ambitoId: null, abilities: [] });
    }
    const edit = await admin.call('fields.upsert', { ...field({ key: 'numero_domanda_adi', fieldClass: 'public' }), id: template.id, version: 0 });
    expect(edit.status).toBe(404);
  });

  it("lets the ambito administrator create a field of the ambito, invisible and out of reach in another ambito", async () => {
    const res = await admin.call('fields.upsert', field({
      key: 'tipo_assistenza', labelIt: 'Tipo di assistenza richiesta', appliesTo: 'sportello_tematico', type: 'multi_choice', fieldClass: 'personal', max: 2,
      options: [{ code: 'sad', labelIt: 'Assistenza domiciliare' }, { code: 'pasti', labelIt: 'Pasti a domicilio' }, { code: 'trasporto', labelIt: 'Trasporto' }],
    }));
    expect(res.status).toBe(200);
    own = res.body;
    expect(own).toMatchObject({ ambitoId: ambito1, options: [{ code: 'sad', labelEn: null, archived: false }, {}, {}], abilities: ['fields.upsert'] });
    expect((await lastAudit('fields.upsert')).chain_key).toBe(ambito1);

    expect((await findAll(admin)).map((f) => f.id)).toEqual(expect.arrayContaining([template.id, own.id]));
    expect((await findAll(admin2)).map((f) => f.id)).not.toContain(own.id);
    expect((await admin2.call('fields.find', { ambitoId: ambito1 })).status).toBe(404);
    const edit = await admin2.call('fields.upsert', { ...field({ key: 'tipo_assistenza', type: 'multi_choice', options: own.options }), id: own.id, version: 0 });
    expect(edit.status).toBe(404);
    // The system administrator reaches every ambito.
    expect((await findAll(sysadmin, { ambitoId: ambito1 })).find((f) => f.id === own.id)?.abilities).toEqual(['fields.upsert']);
    expect((await findAll(sysadmin)).map((f) => f.id)).not.toContain(own.id);
  });

  it('filters by target and pages with a keyset cursor', async () => {
    for (const [i, key] of ['cittadinanza_note', 'lingua_madre', 'anni_in_italia'].entries()) {
      expect((await admin.call('fields.upsert', field({ key, target: 'person', position: i }))).status).toBe(200);
    }
    const first = await admin.call('fields.find', { target: 'person', limit: 2 });
    expect(first.body.items.map((f: FieldDefinitionView) => f.key)).toEqual(['cittadinanza_note', 'lingua_madre']);
    const second = await admin.call('fields.find', { target: 'person', limit: 2, cursor: first.body.nextCursor! });
    expect(second.body).toMatchObject({ items: [{ key: 'anni_in_italia' }], nextCursor: null });
    expect((await admin.call('fields.find', { cursor: 'bm9uc2Vuc2U' })).status).toBe(400);
  });

  it('refuses a class downgrade (400 on fieldClass), allows a stricter class and audits the change', async () => {
    const base = { ...field({ key: 'tipo_assistenza', type: 'multi_choice', options: own.options, max: 2 }), id: own.id };
    const down = await admin.call('fields.upsert', { ...base, fieldClass: 'public', version: own.version });
    expect(down.status).toBe(400);
    expect(down.error.details).toEqual([{ path: 'fieldClass', message: msg('classe_meno_restrittiva') }]);
    const up = await admin.call('fields.upsert', { ...base, fieldClass: 'special', version: own.version });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ fieldClass: 'special', version: own.version + 1 });
    expect((await lastAudit('fields.upsert')).details).toMatchObject({ classChange: { from: 'personal', to: 'special' }, changes: { field_class: { old: 'personal', new: 'special' } } });
    // The protected classes have different readers: health data never becomes permit data.
    const sideways = await admin.call('fields.upsert', { ...base, fieldClass: 'foreigner', version: up.body.version });
    expect(sideways.status).toBe(400);
    expect(sideways.error.details[0]!.path).toBe('fieldClass');
    own = up.body;
  });

  it('answers 409 to a stale version', async () => {
    const base = { ...field({ key: 'tipo_assistenza', type: 'multi_choice', options: own.options, fieldClass: 'special' }), id: own.id };
    const ok = await admin.call('fields.upsert', { ...base, labelIt: 'Assistenza richiesta', version: own.version });
    expect(ok.status).toBe(200);
    const stale = await admin.call('fields.upsert', { ...base, labelIt: 'Altro nome', version: own.version });
    expect(stale.status).toBe(409);
    own = ok.body;
  });

  it('never changes key, target or type, never removes a choice, archives instead', async () => {
    const base = { ...field({ key: 'tipo_assistenza', type: 'multi_choice', options: own.options, fieldClass: 'special' }), id: own.id, version: own.version };
    const moved = await admin.call('fields.upsert', { ...base, key: 'altra_chiave', target: 'person', type: 'choice' });
    expect(moved.status).toBe(400);
    expect(moved.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['key', 'target', 'type']);
    const removed = await admin.call('fields.upsert', { ...base, options: own.options.slice(0, 2) });
    expect(removed.status).toBe(400);
    expect(removed.error.details).toEqual([{ path: 'options', message: msg('scelta_non_eliminabile') }]);
    const archivedChoice = await admin.call('fields.upsert', { ...base, options: own.options.map((o, i) => (i === 2 ? { ...o, archived: true } : o)) });
    expect(archivedChoice.status).toBe(200);
    const archived = await admin.call('fields.upsert', { ...base, version: archivedChoice.body.version, options: archivedChoice.body.options, archived: true });
    expect(archived.body).toMatchObject({ archived: true });
    expect((await admin.call('fields.find', { target: 'intake' })).body.items.map((f: FieldDefinitionView) => f.id)).not.toContain(own.id);
    expect((await findAll(admin, { target: 'intake' })).find((f) => f.id === own.id)).toMatchObject({ archived: true });
    own = archived.body;
  });

  it('keeps one definition per key in a target: in the same scope, and between templates and ambiti', async () => {
    const again = await admin.call('fields.upsert', field({ key: 'lingua_madre', target: 'person' }));
    expect(again.status).toBe(409);
    expect(again.error.details).toEqual([{ path: 'key', message: msg('codice_già_usato') }]);
    const overTemplate = await admin2.call('fields.upsert', field({ key: 'numero_domanda_adi' }));
    expect(overTemplate.status).toBe(409);
    const templateOverAmbito = await sysadmin.call('fields.upsert', field({ key: 'lingua_madre', target: 'person' }));
    expect(templateOverAmbito.status).toBe(409);
    // Another target is another map.
    expect((await admin.call('fields.upsert', field({ key: 'lingua_madre' }))).status).toBe(200);
  });

  it('validates the definition itself (400 with the paths)', async () => {
    const bad = await admin.call('fields.upsert', field({ key: 'Non Valida', type: 'choice', pattern: '(a+)+', min: 5, max: 2 }));
    expect(bad.status).toBe(400);
    expect(bad.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['key', 'max', 'max', 'min', 'options', 'pattern']);
    const regex = await admin.call('fields.upsert', field({ key: 'codice', pattern: '(a+)+' }));
    expect(regex.error.details).toEqual([{ path: 'pattern', message: msg('espressione_non_valida') }]);
  });

  it('masks, validates and guards a realistic values map with the stored definitions', async () => {
    for (const f of [
      field({ key: 'diagnosi_principale', type: 'long_text', fieldClass: 'special', appliesTo: 'adi' }),
      field({ key: 'permesso_scadenza', type: 'date', fieldClass: 'foreigner' }),
      field({ key: 'invalidita_civile', type: 'choice', fieldClass: 'special', options: [{ code: '100', labelIt: '100%' }, { code: '74_99', labelIt: 'Dal 74 al 99%' }] }),
    ]) expect((await admin.call('fields.upsert', f)).status).toBe(200);
    const definitions = await loadFieldDefinitions(t.database.db, { regioneId, ambitoId: ambito1, target: 'intake' });
    const values = parseCustomValues(
      { numero_domanda_adi: 'ADI-2025-0042', diagnosi_principale: 'Esiti di ictus', permesso_scadenza: '2026-03-31', invalidita_civile: '100', tipo_assistenza: ['sad'] },
      definitions,
    );
    // The archived field still classifies the value stored under it (special).
    const readableOf = async (username: string, office: OfficeType) => {
      const p = await placementOf(t.database.db, username);
      const profile = await t.database.db
        .selectFrom('assignment_profile')
        .innerJoin('profile', 'profile.id', 'assignment_profile.profile_id')
        .innerJoin('assignment', 'assignment.id', 'assignment_profile.assignment_id')
        .select('profile.readable_classes')
        .where('assignment.operator_id', '=', p.operatorId)
        .executeTakeFirstOrThrow();
      return intersectClasses(profile.readable_classes, office);
    };
    const desk = maskCustomValues(values, definitions, await readableOf('sportello', 'sportello_stranieri'));
    expect(desk.value).toEqual({ numero_domanda_adi: 'ADI-2025-0042', diagnosi_principale: MASKED, permesso_scadenza: '2026-03-31', invalidita_civile: MASKED, tipo_assistenza: MASKED });
    const social = maskCustomValues(values, definitions, await readableOf('assistente', 'servizio_sociale_professionale'));
    expect(social.value).toEqual(values);
    expect(social.classesRead.sort()).toEqual(['foreigner', 'public', 'special']);
    expect(() => assertCustomWritable({ diagnosi_principale: 'x' }, definitions, new Set<FieldClass>(['public', 'personal', 'foreigner']))).toThrow(AppError);
    // A value under a key of another ambito's field is unknown here: refused on write, masked on read.
    expect(() => parseCustomValues({ sconosciuto: 1 }, definitions)).toThrow(AppError);
    expect(maskCustomValues({ sconosciuto: 1 }, definitions, new Set<FieldClass>(['public', 'personal'])).value).toEqual({ sconosciuto: MASKED });
  });
});
