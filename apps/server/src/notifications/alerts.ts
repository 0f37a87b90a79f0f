import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';

export interface NewAlert {
  ambitoId: string | null;
  enteId: string;
  type: string;
  recipient: { kind: 'operator' | 'office' | 'ente'; id: string };
  title: string;
  body?: string;
  link?: { kind: string; id: string } | null;
  expiresAt?: Date | null;
}

/**
 * Raises an in-app alert (product brief: notifications in-app and e-mail). Later modules call this in
 * their own transaction, so the alert exists if and only if the change it announces committed.
 * Titles and bodies must not carry special-category data: they are shown in the header bell.
 */
export async function raiseAlert(db: Kysely<DB>, a: NewAlert): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .insertInto('alert')
    .values({
      id,
      ambito_id: a.ambitoId,
      ente_id: a.enteId,
      type: a.type,
      recipient_kind: a.recipient.kind,
      recipient_id: a.recipient.id,
      title: a.title,
      body: a.body ?? '',
      link_kind: a.link?.kind ?? null,
      link_id: a.link?.id ?? null,
      expires_at: a.expiresAt ?? null,
    })
    .execute();
  return id;
}
