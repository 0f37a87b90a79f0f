import crypto from 'node:crypto';
import { DEMO_PASSWORD, REASON, STALE, unique, type Template } from './template-context.js';

/**
 * Body templates of the platform's actions: authentication, alerts, jobs, audit, organisation,
 * operators, profiles, grants, break-the-glass, configurable fields, reference data. Bodies that
 * could change what the owners' ente is (its desks, offices, operators) carry a stale version or
 * target an operator the suite no longer needs, so a by-design administrator power never disturbs
 * the owners' re-read; the answers are still searched.
 */
export const platformTemplates: Record<string, Template> = {
  'auth.login': ({ a }) => [{ username: a.username, password: DEMO_PASSWORD }],
  'auth.me': () => [{}],
  'auth.selectContext': ({ o }) => o.officeIds.map((officeId) => ({ enteId: o.enteId, officeId })),
  'auth.logout': () => [{}],
  'auth.config': () => [{}],
  'auth.verifyTotp': () => [{ code: '000000' }],
  'auth.enrollTotp': () => [{}],
  'auth.confirmTotp': () => [{ code: '000000' }],
  'auth.changePassword': () => [{ currentPassword: 'non-e-la-password', newPassword: 'Un-Altra-Password-2026' }],
  'auth.sessions': () => [{}],
  'auth.logoutEverywhere': () => [{}],
  'alerts.getPreferences': () => [{}],
  'alerts.setPreferences': () => [{ items: [{ type: 'intake.proposal', inApp: true, email: false }] }],
  'alerts.find': () => [{}, { unreadOnly: true, limit: 200 }],
  'alerts.markRead': ({ o }) => [{ ids: o.alerts.slice(0, 200) }, { all: true }],
  'system.get': () => [{}],
  'breakGlass.open': ({ o }) => [
    ...o.persons.map((p) => ({ recordKind: p.protected ? 'protectedPerson' : 'person', recordId: p.id })),
    ...o.intakes.map((i) => ({ recordKind: 'intakeRecord', recordId: i.id })),
  ].map((r) => ({ ...r, classes: ['personal', 'special', 'judicial', 'reserved', 'foreigner'], reason: `${REASON}: apertura non dovuta`, minutes: 5 })),
  'breakGlass.find': ({ o }) => [
    {}, { open: true, limit: 200 },
    ...o.persons.map((p) => ({ recordKind: p.protected ? 'protectedPerson' : 'person', recordId: p.id })),
    ...o.intakes.map((i) => ({ recordKind: 'intakeRecord', recordId: i.id, open: true })),
  ],
  'audit.find': ({ o }) => [{}, { person: o.persons[0]!.id }, { recordKind: 'intakeRecord', recordId: o.intakes[0]!.id }, { action: 'persons.' }],
  'audit.export': ({ o }) => [{}, { person: o.persons[0]!.id }],
  'audit.verify': () => [{}],
  'jobs.find': () => [{}],
  'jobs.findRuns': () => [{}],
  'jobs.getRun': () => [{ id: crypto.randomUUID() }],
  'jobs.start': () => [{ name: 'maintenance.cleanup', payload: {} }],
  'organisation.tree': ({ o }) => [{}, { ambitoId: o.ambitoId }],
  'ambiti.upsert': ({ o }) => [{ id: o.ambitoId, version: STALE, code: 'ZS1', name: 'Zona sociale' }],
  'entes.upsert': ({ o }) => [{ id: o.enteId, version: STALE, ambitoId: o.ambitoId, kind: 'comune', name: 'Comune' }],
  'offices.upsert': ({ o }) => o.officeIds.map((id) => ({ id, version: STALE, enteId: o.enteId, type: 'sportello_accoglienza', name: 'Ufficio' })),
  'contactPoints.upsert': ({ o }) => o.contactPointIds.map((id) => ({ id, version: STALE, officeId: o.deskOfficeId, name: 'Sede' })),
  'operators.find': ({ o }) => [{}, { officeId: o.deskOfficeId }, { q: 'Accoglienza' }],
  'operators.get': ({ o }) => o.ownerOperatorIds.map((id) => ({ id })),
  'operators.create': ({ o, today }) => [{
    username: `intruso.${unique()}`, givenName: 'Intruso', familyName: 'Esterno',
    assignment: { officeId: o.deskOfficeId, professionalType: 'operatore_sportello', validFrom: today, profileIds: [o.deskProfileId] },
  }],
  'operators.update': ({ o }) => o.ownerOperatorIds.map((id) => ({ id, version: STALE, givenName: 'Cambiato' })),
  'operators.unlock': ({ o }) => [{ id: o.adminOperatorId }],
  'operators.resetPassword': ({ o }) => [{ id: o.adminOperatorId }],
  'operators.resetTotp': ({ o }) => [{ id: o.adminOperatorId }],
  'profiles.find': ({ o }) => [{}, { ambitoId: o.ambitoId }],
  'profiles.upsert': ({ o }) => [{ code: `prova_${unique()}`, name: 'Profilo di prova', templateId: o.deskProfileId }],
  'grants.create': ({ o, a, today }) => [
    ...o.persons.map((p) => ({ recordKind: p.protected ? 'protectedPerson' : 'person', recordId: p.id })),
    ...o.intakes.map((i) => ({ recordKind: 'intakeRecord', recordId: i.id })),
  ].map((r) => ({ ...r, subjectKind: 'operator', subjectId: a.operatorId, purpose: REASON, validFrom: today })),
  'grants.revoke': ({ o }) => o.grants.map((id) => ({ id })),
  'grants.find': ({ o }) => [
    {}, { current: true, limit: 200 },
    ...o.persons.map((p) => ({ recordKind: p.protected ? 'protectedPerson' : 'person', recordId: p.id })),
    ...o.intakes.map((i) => ({ recordKind: 'intakeRecord', recordId: i.id })),
  ],
  'grants.subjects': () => [{ kind: 'operator' }, { kind: 'office', q: 'Sportello' }, { kind: 'ente' }],
  'fields.find': ({ o }) => [{}, { ambitoId: o.ambitoId, includeArchived: true }],
  'fields.upsert': () => [{ id: crypto.randomUUID(), version: 0, target: 'intake', key: 'campo_prova', labelIt: 'Prova', type: 'text', fieldClass: 'personal' }],
  'reference.comuni': () => [{ q: 'Castello' }],
  'reference.states': () => [{}],
  'reference.codeList': () => [{ list: 'siso.bisogno' }],
};
