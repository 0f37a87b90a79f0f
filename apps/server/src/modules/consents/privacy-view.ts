import { sql, type Kysely } from 'kysely';
import type { ConsentView, PrivacyView } from '@siso/shared';
import type { z } from 'zod';
import type { representative } from '@siso/shared';
import type { DB } from '../../db/types.js';
import { abilitiesFor } from '../../access/abilities.js';
import { visible } from '../../access/visibility.js';
import type { ContextActor } from '../organisation/require-actor.js';
import type { FieldClass } from '../../access/field-classes.js';
import { presentRecord, type ReadAudit } from '../../access/present.js';
import { loadAttachmentViews } from '../service-requests/attachments/attachment-views.js';
import { loadConsentTypes } from './consent-types.js';
import { inNoticeScope, type NoticeScope } from './notice-scope.js';
import { statusOf } from './privacy-status.js';

type Representative = z.output<typeof representative>;

/**
 * The privacy view of a person the caller already found visible: notices in the actor's scope
 * (ente, or desk), consents of the ente (in force and withdrawn, newest first), the consent types.
 * Notices and consents go through their kinds' presenters (consents.fields.ts), as rows of the
 * person's page, with the classes a break-the-glass opened on the person (`opened_classes` of
 * loadPerson); the caller notes the read of the person itself.
 */
export async function loadPrivacyView(
  ctx: ReadAudit,
  db: Kysely<DB>,
  actor: ContextActor,
  person: { id: string; anonymous: boolean; opened_classes?: readonly FieldClass[] | null },
  scope: NoticeScope,
): Promise<PrivacyView> {
  const notices = await sql<{
    id: string; ente_name: string; desk_office_name: string | null; given_on: string; mode: PrivacyView['notices'][number]['mode'];
    signer_kind: ConsentView['signerKind']; representative: Representative | null; document_id: string | null; recorded_by_name: string; created_at: Date;
  }>`
    SELECT n.id, e.name AS ente_name, d.name AS desk_office_name, n.given_on::text AS given_on, n.mode, n.signer_kind, n.representative,
           n.document_id, o.given_name || ' ' || o.family_name AS recorded_by_name, n.created_at
      FROM privacy_notice n
      JOIN ente e ON e.id = n.ente_id
      LEFT JOIN office d ON d.id = n.desk_office_id
      JOIN operator o ON o.id = n.created_by
     WHERE n.person_id = ${person.id} AND ${inNoticeScope(scope, 'n')} AND ${visible(actor, 'privacyNotice', 'n')}
     ORDER BY n.given_on DESC, n.created_at DESC`.execute(db);
  const documents = await loadAttachmentViews(ctx, db, actor, 'privacyNotice', notices.rows.map((n) => n.id), person.id);
  const consents = await sql<{
    id: string; consent_type: string; type_label: string | null; given: boolean; given_on: string; signer_kind: ConsentView['signerKind'];
    representative: Representative | null; recorded_by_name: string; created_at: Date; withdrawn_at: Date | null; withdrawn_by_name: string | null; withdraw_reason: string | null;
  }>`
    SELECT c.id, c.consent_type, rc.label AS type_label, c.given, c.given_on::text AS given_on, c.signer_kind, c.representative,
           o.given_name || ' ' || o.family_name AS recorded_by_name, c.created_at, c.withdrawn_at,
           w.given_name || ' ' || w.family_name AS withdrawn_by_name, c.withdraw_reason
      FROM consent c
      JOIN operator o ON o.id = c.created_by
      LEFT JOIN operator w ON w.id = c.withdrawn_by
      LEFT JOIN ref_code rc ON rc.list = 'siso.consenso_facoltativo' AND rc.code = c.consent_type
     WHERE c.person_id = ${person.id} AND c.ente_id = ${scope.enteId} AND ${visible(actor, 'consent', 'c')}
     ORDER BY c.created_at DESC, c.id`.execute(db);
  const consentTypes = await loadConsentTypes(db);
  const present = <T extends Record<string, unknown>>(kind: 'privacyNotice' | 'consent', record: T & { id: string }): T =>
    presentRecord(ctx, actor, kind, record, { id: record.id, about: [person.id], opened: person.opened_classes, listed: true }) as T;
  return {
    personId: person.id,
    status: statusOf(person.anonymous, notices.rows.length > 0),
    notices: notices.rows.map((n) => present('privacyNotice', {
      id: n.id,
      enteName: n.ente_name,
      deskOfficeName: n.desk_office_name,
      givenOn: n.given_on,
      mode: n.mode,
      signerKind: n.signer_kind,
      representative: n.representative,
      document: (documents.get(n.id) ?? []).find((d) => d.id === n.document_id) ?? null,
      recordedByName: n.recorded_by_name,
      createdAt: new Date(n.created_at).toISOString(),
    })),
    consents: consents.rows.map((c) => present('consent', {
      id: c.id,
      type: c.consent_type,
      typeLabel: c.type_label ?? c.consent_type,
      given: c.given,
      givenOn: c.given_on,
      signerKind: c.signer_kind,
      representative: c.representative,
      recordedByName: c.recorded_by_name,
      createdAt: new Date(c.created_at).toISOString(),
      withdrawnAt: c.withdrawn_at ? new Date(c.withdrawn_at).toISOString() : null,
      withdrawnByName: c.withdrawn_by_name,
      withdrawReason: c.withdraw_reason,
      abilities: c.withdrawn_at === null ? abilitiesFor(actor, ['consents.withdraw']) : [],
    })),
    consentTypes,
    abilities: abilitiesFor(actor, ['consents.record', 'consents.print']),
  };
}
