import { householdsGet } from '@siso/shared';
import { effectiveReadable } from '../../../../access/break-glass.js';
import { MASKED } from '../../../../access/masking.js';
import { defineHandler } from '../../../../http/action.js';
import { AppError } from '../../../../http/app-error.js';
import { actorOf } from '../../../organisation/require-actor.js';
import { PERSON } from '../../person-kinds.js';
import { loadPerson } from '../../person-repo.js';
import { loadGroups, loadMemberOf, presentGroups } from '../households.repo.js';

/**
 * households.get (issue 4, point 6): the person's household, other relatives and network, and the
 * groups of other people they belong to. A protected person's household links are hidden from
 * everyone but the granted operators (point 5); protected members are dropped and counted. One audit
 * row names the person and every person shown.
 */
export const getHouseholds = defineHandler(householdsGet, async (ctx, input) => {
  const actor = actorOf(ctx);
  const row = await loadPerson(ctx.tx, actor, input.personId);
  if (!row) throw new AppError('not_found');
  const targets = [{ kind: PERSON, id: row.id }];
  if (row.protection_reason !== null && !row.protection_granted) {
    ctx.audit({ subjectPeople: [row.id], targets, details: { masked: 'protected' } });
    return { personId: row.id, groups: MASKED, memberOf: MASKED };
  }
  const readable = await effectiveReadable(ctx.tx, actor, PERSON, row.id);
  const groups = await presentGroups(ctx.tx, actor, row, await loadGroups(ctx.tx, actor, row.id), readable);
  const memberOf = await loadMemberOf(ctx.tx, actor, row.id);
  const subjects = new Set([row.id, ...groups.subjects, ...memberOf.subjects]);
  const classesRead = new Set([...groups.classesRead, ...memberOf.classesRead]);
  ctx.audit({ subjectPeople: [...subjects], targets, classesRead: [...classesRead] });
  return { personId: row.id, groups: groups.value, memberOf: memberOf.value };
});
