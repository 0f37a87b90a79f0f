import { sql } from 'kysely';
import { ownersOf } from './hazard-owners.js';
import { countersNow, sanitySweep, type Hazard } from './hazard.js';
import { personBy, schedaBy, SecretBag, type Kit } from './kit.js';
import { viewerOf } from './viewers.js';

/**
 * Hazard 4 — the protected person (`protectionReason`, class judicial; docs/persons.md, "Protected
 * people" and "Search first"). Città di Castello's social worker registers a person protected for
 * violence, with a domicile in a shelter, a reception facility and a household, and puts them in the
 * network of an ordinary person; setting the protection grants the social worker their whereabouts.
 * The sector head has them in scope (ente) without that grant: they read who the person is, never where
 * they live, their family or their place in other people's groups. Everyone else — the desk operator
 * (office scope) and Umbertide's registrars, who would get a limited preview of any other person of
 * the ambito, the cooperatives, the DPO, the administrator — reads nothing of them, not even their id:
 * protected people are never previewed. Last, a scheda about them is sent to Umbertide's desk: the
 * send's snapshot leaves the user's identity out (docs/intake.md), so its receiver reads the send, not
 * the person.
 * Tiers: `identity` (id, names, fiscal code), `whereabouts` (address, facility, household, membership).
 */
export const protectedPersonViewers: Record<string, string[]> = {
  responsabile: ['identity'], sportello: [], terzosettore: [], dpo: [], admin: [],
  sportelloB: [], assistenteB: [], responsabileB: [], terzosettoreB: [],
};

/** Umbertide's registrars do get the limited preview of an ordinary person of the ambito: only the protection keeps this one out. */
async function previewsAreOn(k: Kit, host: { id: string; surname: string }): Promise<string[]> {
  const problems: string[] = [];
  for (const who of ['sportelloB', 'assistenteB', 'responsabileB']) {
    const r = await (await viewerOf(k.t, who)).client.call('persons.find', { q: host.surname });
    if (!r.body.items?.some((i) => i.id === host.id && !i.inScope)) problems.push(`${who} got no limited preview of an ordinary person: HTTP ${r.status}`);
  }
  return problems;
}

export async function protectedPerson(k: Kit): Promise<Hazard> {
  const bag = new SecretBag();
  const ssp = await k.officeOf('assistente', 'servizio_sociale_professionale');
  const host = await personBy(k, 'assistente', new SecretBag(), 'host');
  const plan = { officeIds: [ssp], people: [host] };
  const before = await countersNow(k, Object.keys(protectedPersonViewers), plan);

  const p = await personBy(k, 'assistente', bag, 'identity', {
    protectionReason: 'violence', receptionFacility: bag.text('whereabouts', 'Facility'),
    addresses: [{ kind: 'domicile', street: `Casa ${bag.text('whereabouts', 'Shelter')}`, comuneIstat: '054013', validFrom: '2024-01-01' }],
  });
  await k.must('assistente', 'households.update', {
    personId: p.id, kind: 'household', members: [{ displayName: bag.text('whereabouts', 'Member'), relationship: '3', note: bag.text('whereabouts', 'MemberNote') }],
  });
  await k.must('assistente', 'households.update', { personId: host.id, kind: 'network', members: [{ personId: p.id, relationship: '7' }] });
  const after = await countersNow(k, Object.keys(protectedPersonViewers), plan);
  const rows = await sql<{ what: string; id: string }>`
    SELECT 'address id' AS what, id FROM person_address WHERE person_id = ${p.id}
    UNION ALL SELECT 'household group id', id FROM household_group WHERE owner_person_id = ${p.id}
    UNION ALL SELECT 'household member id', m.id FROM household_member m JOIN household_group g ON g.id = m.group_id WHERE g.owner_person_id = ${p.id} OR m.person_id = ${p.id}`.execute(k.db);
  for (const r of rows.rows) bag.add('whereabouts', r.what, [r.id]);

  // After the counters: the send lands in Umbertide's inbox by design.
  const s = await schedaBy(k, 'assistente', p.id, new SecretBag(), 'scheda', { complete: true });
  await k.must('assistente', 'intakeRecords.send', { id: s.id, version: s.version, destOfficeId: await k.officeOf('sportelloB', 'sportello_accoglienza'), message: 'Persona seguita da noi' });

  const preconditions = await previewsAreOn(k, host);
  const scope = { owner: 'assistente', personIds: [p.id, host.id], searched: [p.id], intakeIds: [s.id], officeIds: plan.officeIds };
  return {
    name: 'protected person', owners: await ownersOf(k, scope), bag, viewers: protectedPersonViewers,
    counters: { viewers: Object.keys(protectedPersonViewers), plan, before, after },
    sanity: [
      await sanitySweep(k, scope, bag, 'assistente', ['identity', 'whereabouts'], 'as the social worker who protected them'),
      await sanitySweep(k, scope, bag, 'responsabile', ['identity'], 'as the sector head, in scope'),
    ],
    preconditions, sweepOptions: {},
  };
}
