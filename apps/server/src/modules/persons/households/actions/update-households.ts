import crypto from 'node:crypto';
import { sql } from 'kysely';
import { householdsUpdate, type HouseholdMemberInput } from '@siso/shared';
import { assertWritable } from '../../../../access/masking.js';
import { insertedBy, writableBy } from '../../../../access/visibility.js';
import { defineHandler } from '../../../../http/action.js';
import { AppError, type ErrorDetail } from '../../../../http/app-error.js';
import { actorOf } from '../../../organisation/require-actor.js';
import { mapUniqueViolations } from '../../../organisation/unique-violation.js';
import { PERSON } from '../../person-kinds.js';
import { writeHistory, type Change } from '../../person-history.js';
import { loadPerson } from '../../person-repo.js';
import { throwIfProblems } from '../../validate-person.js';
import { householdInputClasses } from '../households.fields.js';
import {
  groupOfKind,
  knownRelationships,
  loadLinkedPeople,
  loadMembers,
  lockGroup,
  presentGroups,
  sightOf,
  type GroupRow,
  type MemberRow,
} from '../households.repo.js';

type Problem = ErrorDetail;

/** A member as the history keeps it: the kinship and who (a registered person or a typed name). */
function historyEntry(m: { relationship: string; personId?: string | null; displayName?: string | null }) {
  return m.personId ? { relationship: m.relationship, personId: m.personId } : { relationship: m.relationship, displayName: m.displayName ?? null };
}

/**
 * households.update (issue 4, point 6): creates the owner's group of a kind (one per kind) or
 * rewrites it (optimistic version, 409 when stale), replacing the member list. Members must be
 * people the actor may read (an unknown or invisible id is the same 400, so existence is not
 * revealed); kinship codes come from the ANPR table. Protected people (point 5): the household of a
 * protected person is written only by the granted operators, and an adopted child (protection
 * 'adoption') is linked into a group only by an operator granted on them (adoption secrecy). Members
 * the actor cannot see (protected and not granted, or outside their sight) are kept as they are.
 */
export const updateHouseholds = defineHandler(householdsUpdate, async (ctx, input) => {
  const actor = actorOf(ctx);
  // The owner writable with households.update's scope (a grant shares for reading only): 404 otherwise, before any write.
  const permission = 'households.update';
  const owner = await loadPerson(ctx.tx, actor, input.personId, { permission, forUpdate: true });
  if (!owner) throw new AppError('not_found');
  if (owner.merged_into || owner.archived_at) throw new AppError('precondition_failed', [{ path: 'personId', message: 'persona_unita' }]);
  if (owner.protection_reason !== null && !owner.protection_granted) {
    throw new AppError('field_masked', [{ path: 'members', message: 'campo_riservato' }]);
  }
  assertWritable({ livesAlone: input.livesAlone, members: input.members }, householdInputClasses, actor.writable);

  let group: GroupRow | null = null;
  if (input.groupId) {
    group = await lockGroup(ctx.tx, actor, permission, owner.id, input.groupId);
    if (!group) throw new AppError('not_found', [{ path: 'groupId', message: 'not_found' }]);
    if (group.kind !== input.kind) throw new AppError('invalid_input', [{ path: 'kind', message: 'tipo_gruppo_diverso' }]);
    if (group.version !== input.version) throw new AppError('conflict');
  } else if (await groupOfKind(ctx.tx, actor, owner.id, input.kind)) {
    throw new AppError('conflict', [{ path: 'kind', message: 'gruppo_già_presente' }]);
  }

  const existing: MemberRow[] = group ? await loadMembers(ctx.tx, actor, [group.id]) : [];
  const people = await loadLinkedPeople(ctx.tx, actor, [
    ...input.members.flatMap((m) => (m.personId ? [m.personId] : [])),
    ...existing.flatMap((m) => (m.person_id ? [m.person_id] : [])),
  ]);
  const alreadyLinked = new Set(existing.flatMap((m) => (m.person_id ? [m.person_id] : [])));

  const problems: Problem[] = [];
  const known = await knownRelationships(ctx.tx, input.members.map((m) => m.relationship));
  const submitted = new Set<string>();
  input.members.forEach((m, i) => {
    if (!known.has(m.relationship)) problems.push({ path: `members.${i}.relationship`, message: 'codice_sconosciuto' });
    if (!m.personId) return;
    const path = `members.${i}.personId`;
    if (m.personId === owner.id) return void problems.push({ path, message: 'componente_titolare' });
    if (submitted.has(m.personId)) return void problems.push({ path, message: 'componente_duplicato' });
    submitted.add(m.personId);
    const p = people.get(m.personId);
    // A person the actor reads, or one already in the group that the actor was shown as a preview.
    const acceptable = p !== undefined && (p.in_scope || (sightOf(actor, p) === 'preview' && alreadyLinked.has(p.id)));
    if (!acceptable) return void problems.push({ path, message: 'codice_sconosciuto' });
    if (p.merged_into || p.archived_at) problems.push({ path, message: 'persona_unita' });
  });
  throwIfProblems(problems);
  // Adoption secrecy (issue 4, point 5): never link an adopted child into a group unless granted on them.
  const secret = input.members.findIndex((m) => {
    const p = m.personId ? people.get(m.personId) : undefined;
    return p?.protection_reason === 'adoption' && !p.protection_granted;
  });
  if (secret >= 0) throw new AppError('precondition_failed', [{ path: `members.${secret}.personId`, message: 'segreto_adozione' }]);

  // Members the actor cannot see stay untouched (they could not have meant to remove them).
  const kept = existing.filter((m) => m.person_id && !submitted.has(m.person_id) && sightOf(actor, people.get(m.person_id)) === 'hidden');
  const keptIds = new Set(kept.map((m) => m.id));
  const replaced = existing.filter((m) => !keptIds.has(m.id));

  const groupId = group?.id ?? crypto.randomUUID();
  if (group) {
    const r = await sql`UPDATE household_group g SET lives_alone = ${input.livesAlone}, version = version + 1, updated_at = now(), updated_by = ${actor.operatorId}
                         WHERE g.id = ${groupId} AND g.version = ${input.version ?? -1} AND ${writableBy(actor, 'householdGroup', 'g', permission)}`.execute(ctx.tx);
    if (Number(r.numAffectedRows ?? 0) !== 1) throw new AppError('conflict');
  } else {
    await mapUniqueViolations(
      () =>
        ctx.tx
          .insertInto('household_group')
          .values({
            id: groupId, ambito_id: owner.ambito_id, ente_id: owner.ente_id, office_id: owner.office_id, owner_person_id: owner.id,
            kind: input.kind, lives_alone: input.livesAlone, created_by: actor.operatorId, updated_by: actor.operatorId,
          })
          .modifyEnd(insertedBy(actor, 'householdGroup', { ambito_id: owner.ambito_id }))
          .execute(),
      { household_group_owner_kind_uq: { path: 'kind', message: 'gruppo_già_presente' } },
    );
  }
  if (replaced.length > 0) {
    await ctx.tx.deleteFrom('household_member as hm').where('hm.id', 'in', replaced.map((m) => m.id))
      .where(writableBy(actor, 'householdMember', 'hm', permission)).execute();
  }
  if (input.members.length > 0) {
    await ctx.tx
      .insertInto('household_member')
      .values(input.members.map((m: HouseholdMemberInput, i) => ({
        id: crypto.randomUUID(), group_id: groupId, ambito_id: owner.ambito_id, person_id: m.personId ?? null, display_name: m.displayName ?? null,
        relationship: m.relationship, cohabiting: m.cohabiting, parental_responsibility: m.parentalResponsibility, availability: m.availability ?? null,
        contact: m.contact ?? null, note: m.note ?? null, valid_from: m.validFrom ?? null, valid_to: m.validTo ?? null, source: 'manual', position: i,
      })))
      .modifyEnd(insertedBy(actor, 'householdMember', { ambito_id: owner.ambito_id }))
      .execute();
  }
  for (const [j, m] of kept.entries()) {
    await ctx.tx.updateTable('household_member as hm').set({ position: input.members.length + j }).where('hm.id', '=', m.id)
      .where(writableBy(actor, 'householdMember', 'hm', permission)).execute();
  }

  // History on the owner (issue 4, point 9): the members the actor saw before and wrote now.
  const changes: Change[] = [];
  const before = replaced.map((m) => historyEntry({ relationship: m.relationship, personId: m.person_id, displayName: m.display_name }));
  const after = input.members.map(historyEntry);
  if (!group || JSON.stringify(before) !== JSON.stringify(after)) changes.push({ field: `household.${input.kind}`, before: group ? before : null, after });
  if ((group?.lives_alone ?? false) !== input.livesAlone) changes.push({ field: `household.${input.kind}.livesAlone`, before: group?.lives_alone ?? null, after: input.livesAlone });
  await writeHistory(ctx.tx, { actor, permission }, { personId: owner.id, ambitoId: owner.ambito_id, operatorId: actor.operatorId, source: 'manual', changes });

  const removed = replaced.flatMap((m) => (m.person_id && !submitted.has(m.person_id) ? [m.person_id] : []));
  ctx.audit({
    subjectPeople: [...new Set([owner.id, ...submitted, ...removed])],
    targets: [{ kind: PERSON, id: owner.id }, { kind: 'household_group', id: groupId }],
    classesChanged: ['personal'],
    details: { kind: input.kind, created: !group, members: input.members.length, kept: kept.length },
  });

  const fresh = await lockGroup(ctx.tx, actor, permission, owner.id, groupId);
  if (!fresh) throw new AppError('not_found');
  const [shown] = await presentGroups(ctx, ctx.tx, actor, owner, [fresh]);
  return shown!;
});
