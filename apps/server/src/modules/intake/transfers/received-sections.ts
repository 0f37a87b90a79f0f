import { sql } from 'kysely';
import type { IntakeSectionsInput } from '@siso/shared';
import { visibleTo } from '../../../access/visibility.js';
import type { Tx } from '../../../db/transaction.js';
import type { ContextActor } from '../../organisation/require-actor.js';
import { PERSON } from '../../persons/person-kinds.js';
import { todayInRome } from '../../persons/validate-person.js';
import type { TransferRow } from './transfer-repo.js';

/**
 * The local scheda's first sections, from the snapshot (siso-original §5.1 step 4: the receiving desk
 * starts from what was sent): accessed today, same mode, reason "sent by" the source desk — by office
 * when it is of the same ambito (an office the destination can name), by description otherwise —
 * and the sender's description. Outcome, needs and services are the destination's own work.
 *
 * The user is linked only when the source is of the same ambito (people are registered per ambito,
 * issue 4) AND the receiving actor may read that person: linking must not hand anyone a person they
 * cannot see. Otherwise the scheda starts without a user and the operator identifies the person by
 * search-first, with the snapshot's identity in front of them.
 */
export async function receivedSections(tx: Tx, actor: ContextActor, t: TransferRow): Promise<IntakeSectionsInput> {
  const sourcePersonId = t.source_person_id;
  const today = todayInRome();
  const sameAmbito = t.source_ambito_id === actor.context.ambitoId;
  let personId: string | null = null;
  if (sameAmbito && sourcePersonId) {
    // A merge since the send moved the reference to the survivor (intake-kinds.ts, issue 4 point 7).
    const p = await sql<{ id: string }>`SELECT p.id FROM person p
      WHERE p.id = ${sourcePersonId} AND p.merged_into IS NULL AND ${visibleTo(actor, 'persons.get', PERSON, 'p')}`.execute(tx);
    personId = p.rows[0]?.id ?? null;
  }
  const s = t.snapshot;
  return {
    access: {
      date: today,
      mode: s.accessMode,
      reason: 'sent_by',
      sentByOfficeId: sameAmbito ? t.source_office_id : null,
      sentByText: sameAmbito ? null : `${t.source_office_name} — ${t.source_ente_name}`.slice(0, 200),
      description: typeof s.description === 'string' ? s.description.slice(0, 4000) : null,
    },
    ...(s.interlocutorType ? { interlocutor: { type: s.interlocutorType } } : {}),
    personId,
  };
}
