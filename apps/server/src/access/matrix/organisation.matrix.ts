import crypto from 'node:crypto';
import type { MatrixFixture, MatrixRow, Outcome, Persona, Relation } from './types.js';

/**
 * Hand-written expectations for the organisation, access and profiles module (access issue).
 * Base personas work in the first comune of ambito 1 (Città di Castello); `otherEnte` targets
 * Umbertide (same ambito), `otherAmbito` Perugia (ambito 2); sysadmin and regione sit in the region's
 * own ente, above the ambiti.
 */
const F: Outcome = 'forbidden';
const nobody = { sysadmin: F, admin: F, dpo: F, sportello: F, assistente: F, responsabile: F, regione: F, terzosettore: F } satisfies Record<Persona, Outcome>;
const every = (o: Outcome): Record<Relation, Outcome> => ({ sameOffice: o, sameEnte: o, otherEnte: o, otherAmbito: o });
const noneTargeted: Record<Persona, Record<Relation, Outcome>> = {
  sysadmin: every(F), admin: every(F), dpo: every(F), sportello: every(F), assistente: every(F), responsabile: every(F), regione: every(F), terzosettore: every(F),
};
const ambitoAdmin = { sameOffice: 'ok', sameEnte: 'ok', otherEnte: 'ok', otherAmbito: 'not_found' } as const;
/** Both administrators: the system one everywhere, the ambito one inside ambito 1 only. */
const administrators = { ...noneTargeted, sysadmin: every('ok'), admin: ambitoAdmin };

/** The office a relation points at, from the persona's own placement. */
async function officeFor(f: MatrixFixture, persona: Persona, relation: Relation) {
  const p = await f.placement(persona);
  if (relation === 'sameOffice') return { officeId: p.officeId, enteId: p.enteId, ambitoId: p.ambitoId };
  if (relation === 'sameEnte') {
    const other = await f.db.selectFrom('office').select(['id', 'ambito_id']).where('ente_id', '=', p.enteId).where('id', '!=', p.officeId).executeTakeFirst();
    if (other) return { officeId: other.id, enteId: p.enteId, ambitoId: other.ambito_id };
    // The region's ente has a single office in the demo: add a second one for this relation.
    const id = crypto.randomUUID();
    await f.db.insertInto('office').values({ id, ambito_id: p.ambitoId, ente_id: p.enteId, type: 'ufficio_amministrativo', name: 'Ufficio di prova' }).execute();
    return { officeId: id, enteId: p.enteId, ambitoId: p.ambitoId };
  }
  return f.officeOf(relation === 'otherEnte' ? 'adminB' : 'admin2', 'sportello_accoglienza');
}

/** A fresh operator assigned to the relation's office: mutations never touch the shared personas. */
async function operatorIn(f: MatrixFixture, persona: Persona, relation: Relation): Promise<{ id: string }> {
  const o = await officeFor(f, persona, relation);
  const id = crypto.randomUUID();
  const ente = await f.db.selectFrom('ente').select('regione_id').where('id', '=', o.enteId).executeTakeFirstOrThrow();
  await f.db.insertInto('operator').values({ id, regione_id: ente.regione_id, username: `m-${id.slice(0, 13)}`, given_name: 'Mario', family_name: 'Matrice' }).execute();
  const assignment = crypto.randomUUID();
  await f.db
    .insertInto('assignment')
    .values({ id: assignment, operator_id: id, ambito_id: o.ambitoId, ente_id: o.enteId, office_id: o.officeId, professional_type: 'operatore_sportello', valid_from: '2024-01-01' })
    .execute();
  return { id };
}

/** As operatorIn, with an authenticator set up (what operators.resetTotp clears). */
async function operatorWithTotp(f: MatrixFixture, persona: Persona, relation: Relation): Promise<{ id: string }> {
  const o = await operatorIn(f, persona, relation);
  await f.db.updateTable('operator').set({ totp_secret_enc: 'v1.fixture', totp_enabled_at: new Date() }).where('id', '=', o.id).execute();
  return o;
}

async function templateId(f: MatrixFixture, code: string): Promise<string> {
  return (await f.db.selectFrom('profile').select('id').where('ambito_id', 'is', null).where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** A grant row in the ente of the relation, made by the persona (sameOffice) or by someone else. */
async function grantRow(f: MatrixFixture, persona: Persona, relation: Relation, subject?: { kind: 'operator' | 'office' | 'ente'; id: string }) {
  const p = await f.placement(persona);
  const where = relation === 'sameOffice' || relation === 'sameEnte' ? p : await f.placement(relation === 'otherEnte' ? 'assistenteB' : 'assistente2');
  const fallbackAmbito = (await f.placement('admin')).ambitoId!;
  const grantedBy = relation === 'sameOffice' ? p.operatorId : relation === 'sameEnte' ? (await f.placement('sportello')).operatorId : where.operatorId;
  const id = crypto.randomUUID();
  const recordId = crypto.randomUUID();
  await f.db
    .insertInto('access_grant')
    .values({
      id, ambito_id: where.ambitoId ?? fallbackAmbito, ente_id: where.enteId, record_kind: 'case', record_id: recordId,
      subject_kind: subject?.kind ?? 'operator', subject_id: subject?.id ?? where.operatorId, purpose: 'presa in carico condivisa',
      valid_from: '2024-01-01', granted_by: grantedBy,
    })
    .execute();
  return { id, recordId };
}

const versionOf = async (f: MatrixFixture, table: 'ente' | 'office', id: string) =>
  (await f.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

export const organisationMatrix: MatrixRow[] = [
  {
    action: 'organisation.tree',
    targeted: false,
    input: async () => ({}),
    expect: { sysadmin: 'ok', admin: 'ok', dpo: 'ok', sportello: 'ok', assistente: 'ok', responsabile: 'ok', regione: 'ok', terzosettore: 'ok' },
  },
  { action: 'ambiti.upsert', targeted: false, input: async () => ({ code: `M${crypto.randomUUID().slice(0, 6)}`, name: 'Ambito di prova' }), expect: { ...nobody, sysadmin: 'ok' } },
  {
    action: 'entes.upsert',
    targeted: true,
    // Updates the ente of the relation with its own values. The region's ente is above the ambiti: not an ambito's ente.
    input: async (f, relation, persona) => {
      const o = await officeFor(f, persona, relation);
      const e = await f.db.selectFrom('ente').selectAll().where('id', '=', o.enteId).executeTakeFirstOrThrow();
      const ambitoId = e.ambito_id ?? (await f.placement('admin')).ambitoId;
      return { id: e.id, version: e.version, ambitoId, kind: e.kind === 'regione' ? 'altro' : e.kind, name: e.name, isCapofila: e.is_capofila };
    },
    expect: { ...administrators, sysadmin: { sameOffice: 'not_found', sameEnte: 'not_found', otherEnte: 'ok', otherAmbito: 'ok' } },
  },
  {
    action: 'offices.upsert',
    targeted: true,
    input: async (f, relation, persona) => {
      const o = await officeFor(f, persona, relation);
      const row = await f.db.selectFrom('office').selectAll().where('id', '=', o.officeId).executeTakeFirstOrThrow();
      return { id: row.id, version: await versionOf(f, 'office', row.id), enteId: row.ente_id, type: row.type, name: row.name };
    },
    expect: administrators,
  },
  {
    action: 'contactPoints.upsert',
    targeted: true,
    input: async (f, relation, persona) => ({ officeId: (await officeFor(f, persona, relation)).officeId, name: 'Sede distaccata', address: 'Via Roma 1' }),
    expect: administrators,
  },
  { action: 'operators.find', targeted: false, input: async () => ({ limit: 5 }), expect: { ...nobody, sysadmin: 'ok', admin: 'ok' } },
  { action: 'operators.get', targeted: true, input: async (f, r, p) => operatorIn(f, p, r), expect: administrators },
  {
    action: 'operators.create',
    targeted: false,
    // An ambito administrator for ambito 1: the system administrator's task, and within the ambito administrator's own grants.
    input: async (f) => ({
      username: `nuovo-${crypto.randomUUID().slice(0, 8)}`,
      givenName: 'Nadia',
      familyName: 'Nuova',
      assignment: {
        officeId: (await f.officeOf('admin', 'ufficio_amministrativo')).officeId,
        professionalType: 'amministrativo',
        validFrom: '2025-01-01',
        profileIds: [await templateId(f, 'amministratore_ambito')],
      },
    }),
    expect: { ...nobody, sysadmin: 'ok', admin: 'ok' },
  },
  { action: 'operators.update', targeted: true, input: async (f, r, p) => ({ ...(await operatorIn(f, p, r)), version: 0, givenName: 'Maria' }), expect: administrators },
  { action: 'operators.unlock', targeted: true, input: async (f, r, p) => operatorIn(f, p, r), expect: administrators },
  { action: 'operators.resetPassword', targeted: true, input: async (f, r, p) => operatorIn(f, p, r), expect: administrators },
  { action: 'operators.resetTotp', targeted: true, input: async (f, r, p) => operatorWithTotp(f, p, r), expect: administrators },
  { action: 'profiles.find', targeted: false, input: async () => ({}), expect: { ...nobody, sysadmin: 'ok', admin: 'ok' } },
  {
    action: 'profiles.upsert',
    targeted: false,
    // sysadmin writes a region template, admin a profile of their ambito.
    input: async () => ({ code: `prova_${crypto.randomUUID().slice(0, 8)}`, name: 'Profilo di prova', permissions: ['organisation.tree'], scope: 'office' }),
    expect: { ...nobody, sysadmin: 'ok', admin: 'ok' },
  },
  {
    action: 'grants.create',
    targeted: true,
    // The record is shared with the persona's office (sameOffice), ente (sameEnte), or another comune's ente.
    input: async (f, relation, persona) => {
      const p = await f.placement(persona);
      const subject =
        relation === 'sameOffice' ? { kind: 'office' as const, id: p.officeId } : relation === 'sameEnte' ? { kind: 'ente' as const, id: p.enteId } : undefined;
      const g = await grantRow(f, persona, relation, subject);
      return { recordKind: 'case', recordId: g.recordId, subjectKind: 'ente', subjectId: (await f.placement('adminB')).enteId, purpose: 'valutazione congiunta', validFrom: '2025-01-01', validTo: '2025-12-31' };
    },
    expect: { ...noneTargeted, assistente: { sameOffice: 'ok', sameEnte: 'ok', otherEnte: 'not_found', otherAmbito: 'not_found' }, responsabile: { sameOffice: 'ok', sameEnte: 'ok', otherEnte: 'not_found', otherAmbito: 'not_found' } },
  },
  {
    action: 'grants.revoke',
    targeted: true,
    // Scope of grants.revoke: own for the social worker (their grants), ente for the sector head.
    input: async (f, relation, persona) => ({ id: (await grantRow(f, persona, relation)).id }),
    expect: { ...noneTargeted, assistente: { sameOffice: 'ok', sameEnte: 'not_found', otherEnte: 'not_found', otherAmbito: 'not_found' }, responsabile: { sameOffice: 'ok', sameEnte: 'ok', otherEnte: 'not_found', otherAmbito: 'not_found' } },
  },
];
