import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { AppError } from '../../http/app-error.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { loadPerson, type PersonRow } from '../persons/person-repo.js';
import { deskSettingsOf } from '../intake/desk-access.js';
import { noticeScopeOf, type NoticeScope } from './notice-scope.js';

/**
 * The person of a privacy action, read like persons.get (scope OR a grant; 404 otherwise), and the
 * notice scope of the actor's desk. Privacy records are the person's: who cannot see the person
 * cannot see or change them. `write`: the permission of a write (consents.record), whose scope must
 * reach the person — a grant shares a person for reading only (issue 10, point 5) — else 404 before
 * anything is written; the person's row is locked, so two recordings of one person run one at a time.
 */
export async function loadPrivacyPerson(
  db: Kysely<DB>,
  actor: ContextActor,
  personId: string,
  opts: { write?: string } = {},
): Promise<{ person: PersonRow; scope: NoticeScope }> {
  const person = await loadPerson(db, actor, personId, opts.write ? { permission: opts.write, forUpdate: true } : {});
  if (!person || person.merged_into !== null) throw new AppError('not_found');
  const scope = noticeScopeOf(actor, await deskSettingsOf(db, actor.context.officeId));
  return { person, scope };
}
