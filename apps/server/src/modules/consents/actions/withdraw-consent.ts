import { sql } from 'kysely';
import { consentsWithdraw } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { visibleTo, writableBy } from '../../../access/visibility.js';
import { ambitoActor } from '../../persons/require-ambito.js';
import { PERSON } from '../../persons/person-kinds.js';
import { loadPrivacyPerson } from '../load-privacy-person.js';
import { loadPrivacyView } from '../privacy-view.js';

/**
 * consents.withdraw: the person withdraws an optional consent, effective at once and as easy as
 * giving it (GDPR art. 7(3)); processing done before stays lawful. Only a consent in force, of the
 * actor's ente, of a person the actor sees and may write with consents.withdraw's scope (a grant
 * shares a person for reading only): anything else is 404, before anything is written.
 */
export const withdrawConsent = defineHandler(consentsWithdraw, async (ctx, input) => {
  const actor = ambitoActor(ctx);
  const permission = 'consents.withdraw';
  const found = await sql<{ person_id: string; consent_type: string }>`
    SELECT c.person_id, c.consent_type FROM consent c JOIN person p ON p.id = c.person_id
     WHERE c.id = ${input.consentId} AND c.ente_id = ${actor.context.enteId} AND c.withdrawn_at IS NULL
       AND ${visibleTo(actor, 'persons.get', PERSON, 'p')} AND ${writableBy(actor, 'consent', 'c', permission)}
     FOR UPDATE OF c`.execute(ctx.tx);
  const consent = found.rows[0];
  if (!consent) throw new AppError('not_found');
  await sql`UPDATE consent c SET withdrawn_at = now(), withdrawn_by = ${actor.operatorId}, withdraw_reason = ${input.reason}
             WHERE c.id = ${input.consentId} AND ${writableBy(actor, 'consent', 'c', permission)}`.execute(ctx.tx);
  const { person, scope } = await loadPrivacyPerson(ctx.tx, actor, consent.person_id);
  ctx.audit({
    subjectPeople: [person.id],
    targets: [{ kind: PERSON, id: person.id }],
    classesChanged: ['personal'],
    details: { consentId: input.consentId, type: consent.consent_type },
  });
  return loadPrivacyView(ctx, ctx.tx, actor, person, scope);
});
