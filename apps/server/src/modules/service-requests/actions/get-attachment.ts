import { sql } from 'kysely';
import { attachmentsGet } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { visible } from '../../../access/visibility.js';
import { ATTACHMENT, SERVICE_REQUEST } from '../service-request-repo.js';
import { ambitoActor } from '../../persons/require-ambito.js';
import { PERSON } from '../../persons/person-kinds.js';
import { INTAKE_RECORD } from '../../intake/intake-kinds.js';
import { readAttachmentBytes } from '../attachments/read-attachment.js';

/**
 * attachments.get: a file is readable by whoever reads its owner — the scheda of a service request
 * (as intakeRecords.get reads it: not at a desk excluding one of the actor's profiles), or the person
 * of a privacy notice of the actor's ente; otherwise it does not exist for them (404).
 * The read is audited with the person as subject (GDPR art. 30, 32).
 */
export const getAttachment = defineHandler(attachmentsGet, async (ctx, input) => {
  const actor = ambitoActor(ctx);
  // The file's rule is its owner's whole rule (access/record-kind-rules.ts: a service request's scheda
  // with its desk exclusion and hidden offices, or a privacy notice's person): outside it, 404.
  const row = await ctx.tx
    .selectFrom('attachment as a')
    .select(['a.id', 'a.owner_kind', 'a.owner_id', 'a.filename', 'a.media_type', 'a.sha256', 'a.storage', 'a.content'])
    .where('a.id', '=', input.id)
    .where(visible(actor, ATTACHMENT, 'a'))
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');

  let target: { kind: string; id: string };
  let personId: string | null;
  if (row.owner_kind === 'serviceRequest') {
    const r = await sql<{ intake_id: string; person_id: string | null }>`
      SELECT i.id AS intake_id, i.person_id FROM intake_record i JOIN service_request sr ON sr.intake_id = i.id AND ${visible(actor, SERVICE_REQUEST, 'sr', { via: 'i' })}
       WHERE sr.id = ${row.owner_id} AND ${visible(actor, INTAKE_RECORD, 'i')}`.execute(ctx.tx);
    const owner = r.rows[0];
    if (!owner) throw new AppError('not_found');
    target = { kind: INTAKE_RECORD, id: owner.intake_id };
    personId = owner.person_id;
  } else {
    const r = await sql<{ person_id: string }>`
      SELECT pn.person_id FROM privacy_notice pn
       WHERE pn.id = ${row.owner_id} AND pn.ente_id = ${actor.context.enteId} AND ${visible(actor, 'privacyNotice', 'pn')}`.execute(ctx.tx);
    const owner = r.rows[0];
    if (!owner) throw new AppError('not_found');
    target = { kind: PERSON, id: owner.person_id };
    personId = owner.person_id;
  }

  const bytes = await readAttachmentBytes(ctx.services.config, row, ctx.log);
  ctx.audit({
    subjectPeople: personId ? [personId] : [],
    targets: [target],
    classesRead: ['personal'],
    details: { attachmentId: row.id, sha256: row.sha256 },
  });
  return { filename: row.filename, mediaType: row.media_type, contentBase64: bytes.toString('base64'), sha256: row.sha256 };
});
