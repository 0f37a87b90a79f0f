import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AttachmentView } from '@siso/shared';
import type { DB } from '../../../db/types.js';
import type { Actor } from '../../../access/actor.js';
import { presentRecord, type ReadAudit } from '../../../access/present.js';
import { visible } from '../../../access/visibility.js';

const ATTACHMENT = 'attachment';

/** A file as listed (no bytes); `created_at` is a string when selected as JSON. */
export interface AttachmentRow {
  id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  scan_status: string;
  created_at: Date | string;
}

/** The live files of the owner under alias `ownerAlias` (of kind `ownerKind`) of the enclosing query, oldest first, as one JSON array. */
export function attachmentsJson(actor: Actor, ownerKind: 'serviceRequest' | 'privacyNotice', ownerAlias: string): RawBuilder<AttachmentRow[] | null> {
  return sql<AttachmentRow[] | null>`(SELECT json_agg(json_build_object('id', a.id, 'filename', a.filename, 'media_type', a.media_type,
        'size_bytes', a.size_bytes, 'sha256', a.sha256, 'scan_status', a.scan_status, 'created_at', a.created_at) ORDER BY a.created_at, a.id)
      FROM attachment a WHERE ${visible(actor, ATTACHMENT, 'a', { via: ownerAlias, viaKind: ownerKind })})`;
}

/** The live attachments of some owners, oldest first, in one query (no bytes). */
export async function loadAttachmentViews(
  ctx: ReadAudit,
  db: Kysely<DB>,
  actor: Actor,
  ownerKind: 'serviceRequest' | 'privacyNotice',
  ownerIds: readonly string[],
  personId: string | null,
): Promise<Map<string, AttachmentView[]>> {
  const out = new Map<string, AttachmentView[]>();
  if (ownerIds.length === 0) return out;
  const rows = await db
    .selectFrom('attachment')
    .select(['id', 'owner_id', 'filename', 'media_type', 'size_bytes', 'sha256', 'scan_status', 'created_at'])
    .where('owner_kind', '=', ownerKind)
    .where('owner_id', 'in', [...ownerIds])
    .where(visible(actor, ATTACHMENT, 'attachment'))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.owner_id) ?? [];
    list.push(presentAttachment(ctx, actor, r, personId));
    out.set(r.owner_id, list);
  }
  return out;
}

/** The one presenter of a file's description (never its bytes: attachments.get). */
export function presentAttachment(ctx: ReadAudit, actor: Actor, r: AttachmentRow, personId: string | null): AttachmentView {
  const view = {
    id: r.id,
    filename: r.filename,
    mediaType: r.media_type as AttachmentView['mediaType'],
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    scanStatus: r.scan_status as AttachmentView['scanStatus'],
    createdAt: new Date(r.created_at).toISOString(),
  };
  return presentRecord(ctx, actor, ATTACHMENT, view, { id: r.id, about: [personId], listed: true }) as AttachmentView;
}
