import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';

/**
 * Reference data for forms through the real pipeline (issue 4, points 2 and 3): comuni valid on a
 * date (ANPR history), foreign states, code lists in force.
 */
let t: TestApp;
let sportello: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  sportello = await t.as('sportello');
});
afterAll(async () => t?.close());

describe('reference.comuni', () => {
  it('finds a comune by name, exact and prefix matches first, tolerating accents and typos', async () => {
    const r = await sportello.call('reference.comuni', { q: 'perugia' });
    expect(r.status).toBe(200);
    expect(r.body.items[0]).toMatchObject({ istatCode: '054039', belfiore: 'G478', provinceCode: 'PG', validTo: null });
    expect(r.body.items[0]!.name.toLowerCase()).toBe('perugia');

    const accents = await sportello.call('reference.comuni', { q: 'Citta di Castello' });
    expect(accents.body.items[0]).toMatchObject({ istatCode: '054013', belfiore: 'C745' });
    const prefix = await sportello.call('reference.comuni', { q: 'umbert' });
    expect(prefix.body.items[0]).toMatchObject({ istatCode: '054056' });
    const typo = await sportello.call('reference.comuni', { q: 'Umbertidde' });
    expect(typo.body.items.map((c) => c.istatCode)).toContain('054056');
    // Wildcards typed by the operator are literal.
    expect((await sportello.call('reference.comuni', { q: '%%' })).body.items).toEqual([]);
  });

  it('answers only the comuni in force on the date: a comune merged in 2016 exists in 2010, not today', async () => {
    // Acquacanina (MC, Belfiore A031) was merged into Fiastra on 2017-01-01 (valid to 2016-12-31).
    const old = await sportello.call('reference.comuni', { q: 'acquacanina', on: '2010-06-01' });
    expect(old.status).toBe(200);
    expect(old.body.items[0]).toMatchObject({ belfiore: 'A031', provinceCode: 'MC', validTo: '2016-12-31' });
    const today = await sportello.call('reference.comuni', { q: 'acquacanina' });
    // Similar names (Acqualagna…) still match by trigram; the ceased comune does not.
    expect(today.body.items.map((c) => c.belfiore)).not.toContain('A031');
    expect(today.body.items.every((c) => c.validTo === null)).toBe(true);
    const byBelfiore = await sportello.call('reference.comuni', { belfiore: 'a031', on: '2016-12-31' });
    expect(byBelfiore.body.items).toHaveLength(1);
    expect(byBelfiore.body.items[0]!.name.toLowerCase()).toBe('acquacanina');
    expect((await sportello.call('reference.comuni', { belfiore: 'A031', on: '2017-01-01' })).body.items).toEqual([]);
  });

  it('finds by Belfiore and ISTAT code, and limits the answer', async () => {
    const byBelfiore = await sportello.call('reference.comuni', { belfiore: 'C745' });
    expect(byBelfiore.body.items).toEqual([expect.objectContaining({ istatCode: '054013', validTo: null })]);
    const byIstat = await sportello.call('reference.comuni', { istatCode: '054039' });
    expect(byIstat.body.items).toEqual([expect.objectContaining({ belfiore: 'G478' })]);
    const limited = await sportello.call('reference.comuni', { q: 'san', limit: 3 });
    expect(limited.body.items).toHaveLength(3);
  });

  it('refuses an empty search and malformed codes with the field named', async () => {
    const empty = await sportello.call('reference.comuni', {});
    expect(empty.status).toBe(400);
    expect(empty.error.details).toEqual([expect.objectContaining({ path: 'q' })]);
    const bad = await sportello.call('reference.comuni', { belfiore: '1234', on: '2020-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['belfiore', 'on']);
  });
});

describe('reference.states', () => {
  it('finds states by name or Belfiore Z-code, with ISO codes', async () => {
    const r = await sportello.call('reference.states', { q: 'germania' });
    expect(r.status).toBe(200);
    expect(r.body.items[0]).toMatchObject({ code: '216', belfiore: 'Z112', isoAlpha2: 'DE', isoNumeric: 276 });
    const byCode = await sportello.call('reference.states', { belfiore: 'z112' });
    expect(byCode.body.items).toEqual([expect.objectContaining({ code: '216' })]);
    const all = await sportello.call('reference.states', {});
    expect(all.body.items.length).toBeGreaterThan(200);
  });
});

describe('reference.codeList', () => {
  it('lists the values in force in the order of the source, and nothing for an unknown list', async () => {
    const civil = await sportello.call('reference.codeList', { list: 'anpr.stato_civile' });
    expect(civil.status).toBe(200);
    expect(civil.body.items[0]).toEqual({ code: '1', label: 'Celibe/Nubile', group: null });
    expect(civil.body.items.map((i: { code: string }) => i.code)).toEqual(['1', '2', '3', '4', '9', '6', '7', '8']);
    // Kinship codes 14, 15, 19, 80 ended on 2015-09-15 (ANPR tabella 5).
    const today = await sportello.call('reference.codeList', { list: 'anpr.relazione_parentela' });
    const before = await sportello.call('reference.codeList', { list: 'anpr.relazione_parentela', on: '2010-01-01' });
    expect(today.body.items.map((i: { code: string }) => i.code)).not.toContain('80');
    expect(before.body.items.map((i: { code: string }) => i.code)).toContain('80');
    expect((await sportello.call('reference.codeList', { list: 'anpr.non_esiste' })).body).toEqual({ items: [] });
  });

  it('gives each value its group where the list has one (the class of a need)', async () => {
    const needs = await sportello.call('reference.codeList', { list: 'siso.bisogno' });
    expect(needs.status).toBe(200);
    expect(needs.body.items).toContainEqual({ code: 'FIS02', label: 'Alloggio', group: 'FIS' });
    expect(new Set(needs.body.items.map((i) => i.group))).toEqual(new Set(['FIS', 'SIC', 'APP', 'REA', 'AUT']));
  });

  it('is a permission like every action: profiles that fill in no registry form are refused', async () => {
    for (const username of ['dpo', 'admin']) {
      const c = await t.as(username);
      expect((await c.call('reference.codeList', { list: 'anpr.stato_civile' })).status, username).toBe(403);
    }
    const third = await t.as('terzosettore');
    expect((await third.call('reference.states', { q: 'francia' })).status).toBe(200);
  });
});
