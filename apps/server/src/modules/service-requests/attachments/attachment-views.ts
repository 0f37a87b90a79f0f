import type { Kysely } from 'kysely';
import type { AttachmentView } from '@siso/shared';
import type { DB } from '../../../db/types.js';
import type { Actor } from '../../../access/actor.js';
import { visible } from '../../../access/visibility.js';

/** The live attachments of some owners, oldest first, in one query (no bytes). */
export async function loadAttachmentViews(
  db: Kysely<DB>,
  actor: Actor,
  ownerKind: 'serviceRequest' | 'privacyNotice',
  ownerIds: readonly string[],
): Promise<Map<string, AttachmentView[]>> {
  const out = new Map<string, AttachmentView[]>();
  if (ownerIds.length === 0) return out;
  const rows = await db
    .selectFrom('attachment')
    .select(['id', 'owner_id', 'filename', 'media_type', 'size_bytes', 'sha256', 'scan_status', 'created_at'])
    .where('owner_kind', '=', ownerKind)
    .where('owner_id', 'in', [...ownerIds])
    .where(visible(actor, 'attachment', 'attachment'))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.owner_id) ?? [];
    list.push(toAttachmentView(r));
    out.set(r.owner_id, list);
  }
  return out;
}

export function toAttachmentView(r: { id: string; filename: string; media_type: string; size_bytes: number; sha256: string; scan_status: string; created_at: Date | string }): AttachmentView {
  return {
    id: r.id,
    filename: r.filename,
    mediaType: r.media_type as AttachmentView['mediaType'],
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    scanStatus: r.scan_status as AttachmentView['scanStatus'],
    createdAt: new Date(r.created_at).toISOString(),
  };
}
