import { freshFiscalCode, REASON, type Template } from './template-context.js';

/**
 * Body templates of the people registry, households and privacy: every owner's person in every body
 * that takes a person, alone and paired with the attacker's own person; searches with the owners'
 * names, codes and birth dates as query text.
 */
export const peopleTemplates: Record<string, Template> = {
  'persons.find': ({ o }) => [
    ...o.searchTerms.map((q) => ({ q, limit: 50 })),
    ...o.searchTerms.slice(0, 4).map((q) => ({ q, includeMerged: true, limit: 50 })),
    ...o.birthDates.map((birthDate) => ({ birthDate, limit: 50 })),
  ],
  'persons.get': ({ o }) => o.persons.map((p) => ({ id: p.id })),
  'persons.history': ({ o }) => o.persons.map((p) => ({ id: p.id, limit: 200 })),
  'persons.create': ({ a }) => [
    { searchToken: a.searchToken, surname: 'Nuovo', name: 'Utente' },
    { searchToken: a.searchToken, identity: 'anonymous' },
  ],
  'persons.update': ({ o }) => o.persons.map((p) => ({ id: p.id, version: p.version, notes: 'modificata da un altro ente' })),
  'persons.replaceFiscalCode': ({ o }) => o.persons.map((p) => ({ id: p.id, version: p.version, fiscalCode: freshFiscalCode(), reason: REASON })),
  'persons.findDuplicates': ({ o, a }) => [{ limit: 100 }, { personId: a.own.personId, minScore: 0, limit: 100 }, ...o.persons.map((p) => ({ personId: p.id, minScore: 0 }))],
  'persons.merge': ({ o, a }) => o.persons.flatMap((p) => [
    { survivorId: a.own.personId, survivorVersion: a.own.personVersion, mergedId: p.id, mergedVersion: p.version, takeFromMerged: ['surname', 'name', 'fiscalCode', 'notes'], reason: REASON },
    { survivorId: p.id, survivorVersion: p.version, mergedId: a.own.personId, mergedVersion: a.own.personVersion, reason: REASON },
  ]),
  'persons.loadFromRegistry': ({ o }) => o.persons.map((p) => ({ fiscalCode: p.fiscalCode ?? freshFiscalCode(), personId: p.id, reason: REASON })),
  'households.get': ({ o }) => o.persons.map((p) => ({ personId: p.id })),
  'households.update': ({ o, a }) => [
    ...o.groups.map((g) => ({ personId: g.personId, groupId: g.id, version: g.version, kind: 'household', members: [] })),
    ...o.persons.map((p) => ({ personId: p.id, kind: 'network', members: [{ displayName: 'Vicino', relationship: '7' }] })),
    { personId: a.own.personId, kind: 'network', members: o.persons.slice(0, 40).map((p) => ({ personId: p.id, relationship: '7' })) },
  ],
  'consents.get': ({ o }) => o.persons.map((p) => ({ personId: p.id })),
  'consents.record': ({ o, a, today }) => [
    ...o.persons.map((p) => ({ personId: p.id, consents: [{ type: 'centri_impiego', given: false, givenOn: today }] })),
    ...o.intakes.map((i) => ({ personId: a.own.personId, intakeId: i.id, notice: { givenOn: today, mode: 'in_person' } })),
  ],
  'consents.withdraw': ({ o }) => o.consents.map((consentId) => ({ consentId, reason: REASON })),
  'consents.print': ({ o }) => o.persons.map((p) => ({ personId: p.id })),
};
