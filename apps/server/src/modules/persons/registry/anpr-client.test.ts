/**
 * Contract tests of the ANPR client against the simulator (issue 4, "Tests"): lookups through
 * C030 → C015/C020/C021 with the PDND/ModI transport, household and death mapping, the anomaly
 * warning of §5.2, the voucher cache, the call log, and the C001 change feed with cursor paging.
 */
import { isValidFiscalCode, registryPerson } from '@siso/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR, simulatorKit, type SimulatorKit } from './registry-test-kit.js';
import type { RegistrySubject } from './registry-client.js';

let kit: SimulatorKit;
beforeAll(async () => {
  kit = await simulatorKit();
});
afterAll(async () => {
  await kit.close();
});

const alive = () => kit.sim.residents.list().filter((r) => !r.death);
const familyHead = (min: number) => alive().find((r) => r.relationship === '1' && kit.sim.residents.household(r.idANPR).length >= min);

describe('lookup', () => {
  it('finds a resident by fiscal code and maps ANPR to the neutral shape', async () => {
    const r = alive().find((x) => x.birthPlace.comuneIstat && x.fiscalCodeValidated)!;
    const { person, warnings } = await kit.client().lookup(r.fiscalCode, OPERATOR);
    expect(warnings).toEqual([]);
    expect(registryPerson.parse(person)).toEqual(person);
    expect(person).toMatchObject({
      fiscalCode: r.fiscalCode,
      fiscalCodeValidated: true,
      anprId: r.idANPR,
      surname: r.surname,
      name: r.name,
      sex: r.sex,
      birthDate: r.birthDate,
      birthComuneIstat: r.birthPlace.comuneIstat,
      birthStateCode: null,
      citizenships: r.citizenships,
      civilStatus: r.civilStatus,
      dateOfDeath: null,
      residence: { comuneIstat: r.residence.comuneIstat, postalCode: r.residence.postalCode, stateCode: null, validFrom: r.residence.since, street: `${r.residence.specie} ${r.residence.denominazione}` },
    });
    expect(person?.birthComuneIstat).toMatch(/^\d{6}$/);
    expect(isValidFiscalCode(person!.fiscalCode)).toBe(true);
  });

  it('maps a person born abroad with foreign citizenship to ISTAT state codes', async () => {
    const r = alive().find((x) => x.birthPlace.stateCode && x.citizenships.some((c) => c !== '100'))!;
    const { person } = await kit.client().lookup(r.fiscalCode, OPERATOR);
    expect(person?.birthComuneIstat).toBeNull();
    expect(person?.birthStateCode).toBe(r.birthPlace.stateCode);
    expect(person?.birthStateCode).toMatch(/^\d{3}$/);
    expect(person?.citizenships).toEqual(r.citizenships);
  });

  it('answers null for a fiscal code ANPR does not know', async () => {
    expect(kit.sim.residents.get('RSSMRA80A01H501U')).toBeUndefined();
    await expect(kit.client().lookup('RSSMRA80A01H501U', OPERATOR)).resolves.toEqual({ person: null, warnings: [] });
    expect(kit.calls.at(-1)).toMatchObject({ service: 'C030', outcome: 'not_found', status: 404 });
  });

  it('surfaces the listaAnomalie warning when searching by codiceFiscale (no C030 purpose)', async () => {
    const r = alive()[3]!;
    const client = kit.client({ purposeIds: { C015: kit.purposeId, C020: kit.purposeId, C021: kit.purposeId } });
    const { person, warnings } = await client.lookup(r.fiscalCode, OPERATOR);
    expect(person?.anprId).toBe(r.idANPR);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^ANPR AVV-CF: .*idANPR/);
  });

  it('says which data were not asked for when a purpose is missing', async () => {
    const r = alive()[4]!;
    const { person, warnings } = await kit.client({ purposeIds: { C030: kit.purposeId, C015: kit.purposeId } }).lookup(r.fiscalCode, OPERATOR);
    expect(person?.surname).toBe(r.surname);
    expect(person?.residence).toBeNull();
    expect(person?.household).toEqual([]);
    expect(warnings).toEqual([
      'Finalità PDND C020 non configurata: residenza non richiesti ad ANPR',
      'Finalità PDND C021 non configurata: stato di famiglia non richiesti ad ANPR',
    ]);
  });

  it('uses a known idANPR without calling C030', async () => {
    const r = alive()[5]!;
    const before = kit.calls.length;
    const { person } = await kit.client().lookup(r.fiscalCode, OPERATOR, { anprId: r.idANPR });
    expect(person?.fiscalCode).toBe(r.fiscalCode);
    expect(kit.calls.slice(before).map((c) => c.service)).not.toContain('C030');
  });

  it('maps the famiglia anagrafica (C021) with ANPR relationship codes', async () => {
    const head = familyHead(3)!;
    const family = kit.sim.residents.household(head.idANPR);
    const member = family[1]!;
    const { person } = await kit.client().lookup(member.fiscalCode, OPERATOR);
    expect(person?.household).toEqual(family.map((m) => ({ fiscalCode: m.fiscalCode, surname: m.surname, name: m.name, birthDate: m.birthDate, relationship: m.relationship })));
    expect(person?.household[0]?.relationship).toBe('1');
    expect(person?.household.map((m) => m.relationship)).toContain(member.relationship);
  });

  it('shows the date of death of a deceased resident', async () => {
    const generated = kit.sim.residents.list().find((r) => r.death)!;
    expect((await kit.client().lookup(generated.fiscalCode, OPERATOR)).person?.dateOfDeath).toBe(generated.death!.date);

    const r = alive().find((x) => x.relationship === '1' && kit.sim.residents.household(x.idANPR).length === 1)!;
    kit.sim.recordChange({ kind: 'dies', subject: r.fiscalCode, effectiveDate: '2026-01-15' });
    const { person } = await kit.client().lookup(r.fiscalCode, OPERATOR);
    expect(person?.dateOfDeath).toBe('2026-01-15');
  });
});

describe('PDND voucher and call log', () => {
  it('reuses the voucher per e-service and operator until it expires', async () => {
    const client = kit.client();
    const a = alive()[10]!;
    const b = alive()[11]!;
    const start = kit.calls.length;
    await client.lookup(a.fiscalCode, OPERATOR);
    const tokens = () => kit.calls.slice(start).filter((c) => c.service === 'token').length;
    expect(tokens()).toBe(4); // C030, C015, C020, C021: one purpose each, one voucher each
    await client.lookup(b.fiscalCode, OPERATOR);
    expect(tokens()).toBe(4);
    await client.lookup(b.fiscalCode, { ...OPERATOR, operatorId: 'op-0002' });
    expect(tokens()).toBe(8); // another operator: another tracking evidence, another voucher
    kit.advance(11 * 60_000); // past the voucher's 600 s
    await client.lookup(b.fiscalCode, OPERATOR);
    expect(tokens()).toBe(12);
  });

  it('logs every call with purposeId, jti, idOperazioneClient, operator and outcome', async () => {
    const start = kit.calls.length;
    const r = alive()[20]!;
    await kit.client().lookup(r.fiscalCode, OPERATOR);
    const eservice = kit.calls.slice(start).filter((c) => c.service !== 'token');
    expect(eservice.map((c) => c.service).sort()).toEqual(['C015', 'C020', 'C021', 'C030']);
    for (const c of eservice) {
      expect(c).toMatchObject({ event: 'registry.call', source: 'anpr', purposeId: kit.purposeId, operatorId: OPERATOR.operatorId, officeLabel: OPERATOR.officeLabel, reason: OPERATOR.reason, outcome: 'ok', status: 200 });
      expect(c.jti).toMatch(/^[0-9a-f-]{36}$/);
      expect(c.idOperazioneClient).toMatch(/^\d{19}$/);
      expect(c.idOperazioneANPR).toBeTruthy();
      expect(c.transactionId).toBeTruthy();
    }
    const all = kit.calls.filter((c) => c.idOperazioneClient);
    expect(new Set(all.map((c) => c.idOperazioneClient)).size).toBe(all.length);
    expect(new Set(all.map((c) => c.jti)).size).toBe(all.length);
    // The tracking evidence carried the operator: the simulator saw it as userID.
    const seen = kit.sim.calls().filter((c) => eservice.some((e) => e.idOperazioneClient === c.idOperazioneClient));
    expect(seen.map((c) => c.userID)).toEqual(eservice.map(() => OPERATOR.operatorId));
    // Structured log lines through the logger, without the fiscal code.
    const lines = kit.logLines.filter((l) => (l.obj as { event?: string }).event === 'registry.call');
    expect(lines.length).toBeGreaterThanOrEqual(eservice.length);
    expect(JSON.stringify(lines)).not.toContain(r.fiscalCode);
  });
});

describe('change feed (C001)', () => {
  it('returns the changes recorded for followed subjects, paginated, and resumes from the cursor', async () => {
    const head = familyHead(3)!;
    const family = kit.sim.residents.household(head.idANPR);
    const mover = family.at(-1)!;
    const other = alive().find((r) => r.householdId !== head.householdId && r.relationship === '1' && !kit.sim.residents.household(r.idANPR).some((m) => m.householdId === head.householdId))!;
    const stranger = alive().find((r) => r.householdId !== head.householdId && r.householdId !== other.householdId)!;
    const subjects: RegistrySubject[] = [
      { personId: 'p-head', fiscalCode: head.fiscalCode, anprId: head.idANPR },
      { personId: 'p-mover', fiscalCode: mover.fiscalCode, anprId: null },
      { personId: 'p-other', fiscalCode: other.fiscalCode, anprId: other.idANPR },
      { personId: 'p-ghost', fiscalCode: 'RSSMRA80A01H501U', anprId: null },
    ];
    const client = kit.client({ feedPage: 2 });
    const initial = await client.changes(subjects, null);
    expect(initial.resolved).toEqual([{ personId: 'p-mover', anprId: mover.idANPR }]);
    expect(initial.unknown).toEqual(['p-ghost']);

    kit.sim.recordChange({ kind: 'moves', subject: mover.fiscalCode, to: { comuneIstat: '054039', specie: 'Via', denominazione: 'dei Priori', civic: '7' }, effectiveDate: '2026-02-01' });
    kit.sim.recordChange({ kind: 'renamed', subject: other.fiscalCode, surname: 'Nuovocognome', effectiveDate: '2026-02-02' });
    kit.sim.recordChange({ kind: 'civil_status', subject: stranger.fiscalCode, civilStatus: '4' });
    kit.sim.recordChange({ kind: 'marries', subject: other.fiscalCode, effectiveDate: '2026-02-03' });

    const pagesBefore = kit.calls.filter((c) => c.service === 'C001').length;
    const got = await client.changes(subjects, initial.cursor);
    expect(kit.calls.filter((c) => c.service === 'C001').length - pagesBefore).toBeGreaterThanOrEqual(2); // paged by 2
    expect(got.changes.map((c) => [c.personId, c.kind, c.effectiveDate])).toEqual([
      ['p-mover', 'residence', '2026-02-01'],
      ['p-mover', 'household', '2026-02-01'],
      ['p-head', 'household', '2026-02-01'],
      ['p-other', 'names', '2026-02-02'],
      ['p-other', 'civil_status', '2026-02-03'],
    ]);
    const moved = got.changes[0]!.person;
    expect(moved.residence).toMatchObject({ street: 'VIA DEI PRIORI', civic: '7', comuneIstat: '054039', comuneName: 'PERUGIA', postalCode: '06121', validFrom: '2026-02-01' });
    expect(moved.household.map((m) => [m.fiscalCode, m.relationship])).toEqual([[mover.fiscalCode, '1']]);
    const headNow = got.changes[2]!.person;
    expect(headNow.household.map((m) => m.fiscalCode)).not.toContain(mover.fiscalCode);
    expect(got.changes[3]!.person.surname).toBe('NUOVOCOGNOME');
    expect(got.changes[4]!.person.civilStatus).toBe('2');
    expect(got.changes.every((c) => registryPerson.safeParse(c.person).success)).toBe(true);

    // Nothing new since the returned cursor; a new change comes alone.
    expect((await client.changes(subjects, got.cursor)).changes).toEqual([]);
    kit.sim.recordChange({ kind: 'dies', subject: other.fiscalCode, effectiveDate: '2026-03-01' });
    const last = await client.changes(subjects, got.cursor);
    expect(last.changes.map((c) => [c.personId, c.kind])).toEqual([['p-other', 'death']]);
    expect(last.changes[0]!.person.dateOfDeath).toBe('2026-03-01');
    // The change also shows in lookups.
    expect((await client.lookup(other.fiscalCode, OPERATOR)).person?.dateOfDeath).toBe('2026-03-01');
  });

  it('splits many subjects into several requests without losing changes', async () => {
    const people = alive().slice(100, 110);
    const subjects = people.map((r, i) => ({ personId: `q${i}`, fiscalCode: r.fiscalCode, anprId: r.idANPR }));
    const client = kit.client({ feedBatch: 3, feedPage: 1 });
    const { cursor } = await client.changes(subjects, null);
    kit.sim.recordChange({ kind: 'renamed', subject: people[1]!.fiscalCode, name: 'Primo' });
    kit.sim.recordChange({ kind: 'renamed', subject: people[8]!.fiscalCode, name: 'Ottavo' });
    const got = await client.changes(subjects, cursor);
    expect(got.changes.filter((c) => c.kind === 'names').map((c) => [c.personId, c.person.name])).toEqual([['q1', 'PRIMO'], ['q8', 'OTTAVO']]);
  });
});
