import { insertedBy } from '../../../access/visibility.js';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { ActionContext } from '../../../http/action.js';
import { actorOf } from '../../organisation/require-actor.js';
import { scanAttachment } from './scan-attachment.js';
import { checkAttachment, type AttachmentInput, type CheckedAttachment } from './validate-attachment.js';

export interface AttachmentOwner {
  kind: 'serviceRequest' | 'privacyNotice';
  id: string;
  /** Tenant of the file: the ambito of its owner, the ente and office that produced it (a service request's producer, or the desk of a notice). */
  ambitoId: string;
  enteId: string;
  officeId: string;
}

/**
 * Checks every file first (type, size, signature), then scans each, then stores them: one bad file
 * refuses the whole request before anything is written, and the rows are written in the request's
 * transaction so a later failure rolls them back too.
 */
export async function checkAndScanAttachments(
  ctx: ActionContext,
  items: ReadonlyArray<{ input: AttachmentInput; path: string }>,
): Promise<Array<CheckedAttachment & { scanStatus: 'clean' | 'not_scanned' }>> {
  const { maxBytes, scanCommand } = ctx.services.config.attachments;
  const checked = items.map((a) => checkAttachment(a.input, a.path, maxBytes));
  const out: Array<CheckedAttachment & { scanStatus: 'clean' | 'not_scanned' }> = [];
  for (const c of checked) out.push({ ...c, scanStatus: await scanAttachment(scanCommand, c) });
  return out;
}

/** The files of a list field with their paths ("attachments.0", "attachments.1", …). */
export function indexed(inputs: readonly AttachmentInput[], field: string): Array<{ input: AttachmentInput; path: string }> {
  return inputs.map((input, i) => ({ input, path: `${field}.${i}` }));
}

/** Inserts the attachment rows (bytes in the database, or a file in SISO_ATTACHMENT_DIR); returns their ids in order. */
export async function storeAttachments(
  ctx: ActionContext,
  owner: AttachmentOwner,
  files: ReadonlyArray<CheckedAttachment & { scanStatus: 'clean' | 'not_scanned' }>,
): Promise<string[]> {
  const actor = actorOf(ctx);
  const dir = ctx.services.config.attachments.dir;
  const ids: string[] = [];
  for (const f of files) {
    const id = crypto.randomUUID();
    if (dir) await writeAtomically(ctx, dir, id, f.bytes);
    await ctx.tx
      .insertInto('attachment')
      .values({
        id,
        ambito_id: owner.ambitoId,
        ente_id: owner.enteId,
        office_id: owner.officeId,
        owner_kind: owner.kind,
        owner_id: owner.id,
        filename: f.filename,
        media_type: f.mediaType,
        size_bytes: f.bytes.length,
        sha256: f.sha256,
        storage: dir ? 'directory' : 'database',
        content: dir ? null : f.bytes,
        scan_status: f.scanStatus,
        created_by: actor.operatorId,
        // clock_timestamp, not now(): files of one request keep the order they were sent in.
        created_at: sql<Date>`clock_timestamp()`,
      })
      .modifyEnd(insertedBy(actor, 'attachment', { ambito_id: owner.ambitoId }))
      .execute();
    ids.push(id);
  }
  return ids;
}

/**
 * Temp file + rename in the same directory, so a reader never sees half a file; the directory is
 * private to the service user (0700). If the transaction rolls back afterwards the file is removed
 * (an orphan file would be unreachable anyway: reads go through the attachment row).
 */
async function writeAtomically(ctx: ActionContext, dir: string, id: string, bytes: Buffer): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const final = attachmentPath(dir, id);
  const temp = path.join(dir, `.${id}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, bytes, { mode: 0o600, flag: 'wx' });
    await fs.rename(temp, final);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
  ctx.onFailure(async () => {
    await fs.rm(final, { force: true });
  });
}

export function attachmentPath(dir: string, id: string): string {
  // The id is a server-generated UUID: no user input reaches the file name.
  return path.join(dir, id);
}
