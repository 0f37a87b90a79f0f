import { householdsGet } from '@siso/shared';
import { MASKED } from '../../../../access/masking.js';
import { defineHandler } from '../../../../http/action.js';
import { AppError } from '../../../../http/app-error.js';
import { actorOf } from '../../../organisation/require-actor.js';
import { PERSON } from '../../person-kinds.js';
import { withheldOf } from '../../person-present.js';
import { loadPerson } from '../../person-repo.js';
import { loadGroups, loadMemberOf, presentGroups } from '../households.repo.js';

/**
 * households.get (issue 4, point 6): the person's household, other relatives and network, and the
 * groups of other people they belong to. A protected person's household links are hidden from
 * everyone but the granted operators (point 5); protected members are dropped and counted. Groups,
 * members and the people shown go through their kinds' presenters (with a break-the-glass opened on
 * the person); one audit row names the person and every person shown.
 */
export const getHouseholds = defineHandler(householdsGet, async (ctx, input) => {
  const actor = actorOf(ctx);
  const row = await loadPerson(ctx.tx, actor, input.personId);
  if (!row) throw new AppError('not_found');
  // The read of this person's network (the target the DPO looks for); what is shown notes its classes.
  ctx.audit({ subjectPeople: [row.id], targets: [{ kind: PERSON, id: row.id }] });
  if (withheldOf(row).length > 0) {
    ctx.audit({ details: { masked: 'protected' } });
    return { personId: row.id, groups: MASKED, memberOf: MASKED };
  }
  const groups = await presentGroups(ctx, ctx.tx, actor, row, await loadGroups(ctx.tx, actor, row.id));
  const memberOf = await loadMemberOf(ctx, ctx.tx, actor, row.id);
  return { personId: row.id, groups, memberOf };
});
