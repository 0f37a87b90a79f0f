import { consentsGet } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { ambitoActor } from '../../persons/require-ambito.js';
import { PERSON } from '../../persons/person-kinds.js';
import { loadPrivacyPerson } from '../load-privacy-person.js';
import { loadPrivacyView } from '../privacy-view.js';

/** consents.get: the notice given and the optional consents of a visible person, for the actor's ente (audited read). */
export const getPrivacy = defineHandler(consentsGet, async (ctx, input) => {
  const actor = ambitoActor(ctx);
  const { person, scope } = await loadPrivacyPerson(ctx.tx, actor, input.personId);
  // The read of this person's privacy records (the target the DPO looks for); notices and consents note their classes.
  ctx.audit({ subjectPeople: [person.id], targets: [{ kind: PERSON, id: person.id }] });
  return loadPrivacyView(ctx, ctx.tx, actor, person, scope);
});
