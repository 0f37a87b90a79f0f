import { proposalStatuses } from '@siso/shared';
import { b64, PDF_BYTES } from '../../testing/attachment-fixtures.js';
import { REASON, STALE, type Template } from './template-context.js';

/**
 * Body templates of the intake desk: schede, notes, prints and exports, transfers, proposals, service
 * requests and attachments, desks. Every owner's scheda in every body that takes one; the owners'
 * people linked into the attacker's own scheda; the owners' files removed from the attacker's own
 * request; the owners' offices as filters of lists, exports and counters.
 */
const minimalScheda = (personId: string | null) => ({
  access: { mode: 'in_person', reason: 'spontaneous', description: 'Accesso di prova' },
  interlocutor: { type: 'user' },
  personId,
});
const file = { filename: 'prova.pdf', mediaType: 'application/pdf', contentBase64: b64(PDF_BYTES) };

export const intakeTemplates: Record<string, Template> = {
  'intakeRecords.find': ({ o }) => [
    {}, { allOffices: true, limit: 200 },
    ...o.officeIds.map((officeId) => ({ officeId, limit: 200 })),
    ...o.persons.map((p) => ({ personId: p.id, allOffices: true })),
  ],
  'intakeRecords.get': ({ o }) => o.intakes.map((i) => ({ id: i.id })),
  'intakeRecords.create': ({ o }) => o.persons.map((p) => minimalScheda(p.id)),
  'intakeRecords.update': ({ o, a }) => [
    ...o.intakes.map((i) => ({ id: i.id, version: i.version, needs: { codes: ['FIS01'], notes: 'modificata da un altro ente' } })),
    ...o.persons.map((p) => ({ id: a.own.intakeId, version: a.own.intakeVersion, personId: p.id })),
  ],
  'intakeRecords.complete': ({ o }) => o.intakes.map((i) => ({ id: i.id, version: i.version })),
  'intakeRecords.delete': ({ o }) => o.intakes.map((i) => ({ id: i.id, version: i.version, reason: REASON })),
  'intakeRecords.copy': ({ o }) => o.intakes.map((i) => ({ id: i.id })),
  'intakeNotes.create': ({ o }) => o.intakes.map((i) => ({ intakeId: i.id, text: 'nota scritta da un altro ente', private: false })),
  'intakeRecords.print': ({ o }) => o.intakes.map((i) => ({ id: i.id })),
  'intakeRecords.export': ({ o }) => [
    {}, { allOffices: true },
    ...o.officeIds.map((officeId) => ({ officeId })),
    ...o.persons.map((p) => ({ personId: p.id, allOffices: true })),
  ],
  'intakeRecords.send': ({ o, a }) => o.intakes.map((i) => ({ id: i.id, version: i.version, destOfficeId: a.deskOfficeId, message: REASON })),
  'intakeRecords.receive': ({ o }) => o.transfers.map((t) => ({ transferId: t.id, version: t.version })),
  'intakeRecords.refuse': ({ o }) => o.transfers.map((t) => ({ transferId: t.id, version: t.version, reason: REASON })),
  'intakeTransfers.find': () => [{ direction: 'received', limit: 200 }, { direction: 'sent', limit: 200 }],
  'proposals.find': () => [{ limit: 200 }, ...proposalStatuses.map((status) => ({ status, limit: 200 }))],
  'proposals.get': ({ o }) => o.proposals.map((p) => ({ id: p.id })),
  'proposals.markSeen': ({ o }) => o.proposals.map((p) => ({ id: p.id, version: p.version })),
  'proposals.reject': ({ o }) => o.proposals.map((p) => ({ id: p.id, version: p.version, note: REASON })),
  'serviceRequests.create': ({ o }) => o.intakes.map((i) => ({ intakeId: i.id, serviceCode: 'UDC79', notes: 'richiesta di un altro ente', attachments: [file] })),
  'serviceRequests.update': ({ o, a }) => [
    ...o.serviceRequests.map((s) => ({ id: s.id, version: s.version, status: 'rejected', removeAttachmentIds: o.attachments.slice(0, 50) })),
    { id: a.own.serviceRequestId, version: a.own.serviceRequestVersion, removeAttachmentIds: o.attachments.slice(0, 50) },
  ],
  'attachments.get': ({ o }) => o.attachments.map((id) => ({ id })),
  'serviceCatalogue.find': () => [{}, { includeDisabled: true }],
  'desks.find': () => [{ limit: 200 }, { purpose: 'destinations', limit: 200 }],
  'desks.configure': ({ o }) => [o.deskOfficeId, o.sspOfficeId].map((officeId) => ({ officeId, version: STALE, kind: 'general', mandatorySections: ['access'] })),
  'desks.home': () => [{}],
  'desks.counters': ({ o, today }) => [{ from: '2020-01-01', to: today }, ...o.officeIds.map((officeId) => ({ officeId, from: '2020-01-01', to: today }))],
};
