import crypto from 'node:crypto';
import { sql } from 'kysely';
import { consentsRecord } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import type { ErrorDetail } from '../../../http/app-error.js';
import { ambitoActor } from '../../persons/require-ambito.js';
import { PERSON } from '../../persons/person-kinds.js';
import { insertedBy, visibleTo, writableBy } from '../../../access/visibility.js';
import { INTAKE_RECORD } from '../../intake/intake-kinds.js';
import { todayInRome } from '../../../documents/rome-time.js';
import { checkAndScanAttachments, storeAttachments } from '../../service-requests/attachments/store-attachments.js';
import { assertNoProblems, signatureProblems } from '../check-signature.js';
import { loadConsentTypes } from '../consent-types.js';
import { loadPrivacyPerson } from '../load-privacy-person.js';
import { loadPrivacyView } from '../privacy-view.js';

/**
 * consents.record: the notice given (GDPR art. 13), with the signed form if scanned, and the optional
 * consents given or refused. A new choice for a consent type withdraws the one in force and adds the
 * new row (one in force per person × ente × type): the history of choices stays, as GDPR art. 7(1)
 * asks the controller to be able to demonstrate consent.
 */
export const recordConsents = defineHandler(consentsRecord, async (ctx, input) => {
  const actor = ambitoActor(ctx);
  const { person, scope } = await loadPrivacyPerson(ctx.tx, actor, input.personId, { write: 'consents.record' });
  const today = todayInRome();

  const problems: ErrorDetail[] = [];
  if (input.notice) {
    if (input.notice.givenOn > today) problems.push({ path: 'notice.givenOn', message: 'data_futura' });
    problems.push(...signatureProblems(input.notice, 'notice', person.birth_date, input.notice.givenOn));
  }
  const types = new Set((await loadConsentTypes(ctx.tx)).map((t) => t.code));
  const seen = new Set<string>();
  input.consents.forEach((c, i) => {
    if (!types.has(c.type)) problems.push({ path: `consents.${i}.type`, message: 'tipo_consenso_sconosciuto' });
    else if (seen.has(c.type)) problems.push({ path: `consents.${i}.type`, message: 'tipo_consenso_ripetuto' });
    seen.add(c.type);
    if (c.givenOn > today) problems.push({ path: `consents.${i}.givenOn`, message: 'data_futura' });
    problems.push(...signatureProblems(c, `consents.${i}`, person.birth_date, c.givenOn));
  });
  if (input.intakeId) {
    // The scheda the notice was given at: one of the person's schede the actor can see (as intakeRecords.get does).
    const intake = await sql`
      SELECT 1 FROM intake_record i
       WHERE i.id = ${input.intakeId} AND i.person_id = ${person.id} AND i.deleted_at IS NULL
         AND ${visibleTo(actor, 'intakeRecords.get', INTAKE_RECORD, 'i')}`.execute(ctx.tx);
    if (intake.rows.length === 0) problems.push({ path: 'intakeId', message: 'scheda_non_della_persona' });
  }
  assertNoProblems(problems);

  const tenant = { ambito_id: actor.context.ambitoId, ente_id: actor.context.enteId, office_id: actor.context.officeId };
  let noticeId: string | null = null;
  if (input.notice) {
    const n = input.notice;
    noticeId = crypto.randomUUID();
    const files = n.document ? await checkAndScanAttachments(ctx, [{ input: n.document, path: 'notice.document' }]) : [];
    const [documentId] = await storeAttachments(ctx, { kind: 'privacyNotice', id: noticeId, ambitoId: tenant.ambito_id, enteId: tenant.ente_id, officeId: tenant.office_id }, files);
    await ctx.tx
      .insertInto('privacy_notice')
      .values({
        id: noticeId,
        person_id: person.id,
        ...tenant,
        desk_office_id: scope.deskOfficeId,
        given_on: n.givenOn,
        mode: n.mode,
        signer_kind: n.signerKind,
        representative: n.signerKind === 'self' ? null : JSON.stringify(n.representative),
        document_id: documentId ?? null,
        intake_id: input.intakeId ?? null,
        created_by: actor.operatorId,
      })
      .modifyEnd(insertedBy(actor, 'privacyNotice', tenant))
      .execute();
  }
  for (const c of input.consents) {
    await sql`
      UPDATE consent c SET withdrawn_at = now(), withdrawn_by = ${actor.operatorId}, withdraw_reason = 'Sostituito da una nuova scelta'
       WHERE c.person_id = ${person.id} AND c.ente_id = ${tenant.ente_id} AND c.consent_type = ${c.type} AND c.withdrawn_at IS NULL
         AND ${writableBy(actor, 'consent', 'c', 'consents.record')}`.execute(ctx.tx);
    await ctx.tx
      .insertInto('consent')
      .values({
        id: crypto.randomUUID(),
        person_id: person.id,
        ...tenant,
        consent_type: c.type,
        given: c.given,
        given_on: c.givenOn,
        signer_kind: c.signerKind,
        representative: c.signerKind === 'self' ? null : JSON.stringify(c.representative),
        notice_id: noticeId,
        created_by: actor.operatorId,
      })
      .modifyEnd(insertedBy(actor, 'consent', tenant))
      .execute();
  }

  ctx.audit({
    subjectPeople: [person.id],
    targets: [{ kind: PERSON, id: person.id }],
    classesChanged: ['personal'],
    details: { noticeId, consents: input.consents.map((c) => ({ type: c.type, given: c.given })) },
  });
  return loadPrivacyView(ctx, ctx.tx, actor, person, scope);
});
