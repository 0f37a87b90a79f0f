import crypto from 'node:crypto';
import { sql } from 'kysely';
import { normalizeName, personsMerge, type mergeableFields } from '@siso/shared';
import { insertedBy, visible, writableBy } from '../../../access/visibility.js';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf } from '../../organisation/require-actor.js';
import { PERSON, PROTECTED_PERSON } from '../person-kinds.js';
import { auditDetails, setClause } from '../person-columns.js';
import { diffColumns, writeHistory } from '../person-history.js';
import { moveReferences } from '../person-references.js';
import { loadPerson, presentPerson, type PersonRow } from '../person-repo.js';
import { personFieldClasses } from '../persons.fields.js';
import { insertAliases } from '../person-parts.js';

type Mergeable = (typeof mergeableFields)[number];

/** The columns behind each field chosen in a merge. */
const columnsOf: Record<Mergeable, Array<keyof PersonRow>> = {
  fiscalCode: ['fiscal_code', 'fiscal_code_kind', 'fiscal_code_base'],
  surname: ['surname'],
  name: ['name'],
  sex: ['sex'],
  birthDate: ['birth_date'],
  birthPlace: ['birth_comune_istat', 'birth_state_code', 'birth_place_name', 'birth_belfiore'],
  citizenships: ['citizenships'],
  civilStatus: ['civil_status'],
  homeless: ['homeless'],
  receptionFacility: ['reception_facility'],
  gp: ['gp'],
  healthCardNumber: ['health_card_number'],
  stpEniCode: ['stp_eni_code'],
  dateOfDeath: ['date_of_death'],
  notes: ['notes'],
  anprId: ['anpr_id'],
};
const classOfChoice = (f: Mergeable) => (f === 'birthPlace' ? 'personal' : personFieldClasses[f]);

/**
 * persons.merge (issue 4, point 7): the authorised operator picks, field by field, the values the
 * surviving person keeps; aliases, contacts, addresses missing on the survivor, household links,
 * access grants and every reference registered by other modules move to the survivor; the merged
 * record stays, archived with `merged_into`, and `person_merge` keeps its snapshot so the merge can be
 * traced afterwards. Refused for people protected for adoption (L. 184/1983 art. 28).
 */
export const mergePersons = defineHandler(personsMerge, async (ctx, input) => {
  const actor = actorOf(ctx);
  // The contract refuses it too; a person merged into itself would be archived as merged into itself.
  if (input.survivorId === input.mergedId) throw new AppError('invalid_input', [{ path: 'mergedId', message: 'stessa_persona' }]);
  // Lock in id order so two merges of the same pair cannot deadlock. Each person is found by its own
  // id: both must be writable with persons.merge's scope (a grant shares for reading only), otherwise
  // the merge is 404 before anything is written — a person the actor cannot see does not exist for
  // them (GDPR art. 5(1)(f), 25).
  const [firstId, secondId] = [input.survivorId, input.mergedId].sort();
  const locked = new Map<string, PersonRow>();
  for (const id of [firstId!, secondId!]) {
    const row = await loadPerson(ctx.tx, actor, id, { permission: 'persons.merge', forUpdate: true });
    if (row) locked.set(row.id, row);
  }
  const survivor = locked.get(input.survivorId);
  const merged = locked.get(input.mergedId);
  if (!survivor || !merged) throw new AppError('not_found');
  if (survivor.version !== input.survivorVersion || merged.version !== input.mergedVersion) throw new AppError('conflict');
  for (const [p, path] of [[survivor, 'survivorId'], [merged, 'mergedId']] as const) {
    if (p.merged_into || p.archived_at) throw new AppError('precondition_failed', [{ path, message: 'persona_unita' }]);
    if (p.protection_reason === 'adoption') throw new AppError('precondition_failed', [{ path, message: 'segreto_adozione' }]);
    if (p.protection_reason && !p.protection_granted) throw new AppError('field_masked', [{ path, message: 'campo_riservato' }]);
  }
  const denied = input.takeFromMerged.filter((f) => !actor.writable.has(classOfChoice(f)));
  if (denied.length > 0) throw new AppError('field_masked', denied.map((f) => ({ path: `takeFromMerged.${f}`, message: 'campo_riservato' })));

  // 1. Retire the merged record first: the unique fiscal-code index ignores merged records.
  await sql`UPDATE person p SET merged_into = ${survivor.id}, archived_at = now(), version = version + 1, updated_at = now(), updated_by = ${actor.operatorId}
             WHERE p.id = ${merged.id} AND ${writableBy(actor, PERSON, 'p', 'persons.merge')}`.execute(ctx.tx);

  // 2. The survivor takes the chosen fields; contacts are united.
  const columns: Record<string, unknown> = {};
  for (const f of input.takeFromMerged) for (const col of columnsOf[f]) columns[col] = merged[col];
  const known = new Set(survivor.contacts.map((c) => `${c.kind}:${c.value}`));
  const extraContacts = merged.contacts.filter((c) => !known.has(`${c.kind}:${c.value}`));
  if (extraContacts.length > 0) columns.contacts = [...survivor.contacts, ...extraContacts];
  const changes = diffColumns(survivor as unknown as Record<string, unknown>, columns);
  const finalSurname = (columns.surname ?? survivor.surname) as string | null;
  const finalName = (columns.name ?? survivor.name) as string | null;
  if (columns.surname !== undefined || columns.name !== undefined) {
    columns.surname_norm = finalSurname ? normalizeName(finalSurname) : null;
    columns.name_norm = finalName ? normalizeName(finalName) : null;
  }
  await sql`UPDATE person p SET ${sql.join([...setClause(columns), sql`version = version + 1`, sql`updated_at = now()`, sql`updated_by = ${actor.operatorId}`])}
             WHERE p.id = ${survivor.id} AND ${writableBy(actor, PERSON, 'p', 'persons.merge')}`.execute(ctx.tx);

  // 3. Aliases: the merged person's own names become an alias when they differ; its aliases move.
  // Every detail row below is written with persons.merge's rule: both people were loaded writable.
  const by = { actor, permission: 'persons.merge' };
  const moved: Record<string, number> = {};
  const aliasCount = await ctx.tx.selectFrom('person_alias as al').select(sql<number>`count(*)::int`.as('n'))
    .where('al.person_id', '=', survivor.id).where(visible(actor, 'personAlias', 'al')).executeTakeFirstOrThrow();
  const movedAliases = await ctx.tx.updateTable('person_alias as al').set({ person_id: survivor.id, position: sql`position + ${aliasCount.n}` })
    .where('al.person_id', '=', merged.id).where(writableBy(actor, 'personAlias', 'al', by.permission)).executeTakeFirst();
  moved.person_alias = Number(movedAliases.numUpdatedRows);
  if (merged.surname && (merged.surname !== finalSurname || merged.name !== finalName)) {
    await insertAliases(ctx.tx, by, survivor.id, survivor.ambito_id, [{ surname: merged.surname, name: merged.name, note: 'nome del record unito' }]);
  }

  // 4. Addresses: a kind the survivor lacks moves over; otherwise the merged history stays traced on the merged record.
  for (const kind of ['residence', 'domicile'] as const) {
    const has = await ctx.tx.selectFrom('person_address as a').select('a.id')
      .where('a.person_id', '=', survivor.id).where('a.kind', '=', kind).where(visible(actor, 'personAddress', 'a')).executeTakeFirst();
    if (!has) {
      const r = await ctx.tx.updateTable('person_address as a').set({ person_id: survivor.id })
        .where('a.person_id', '=', merged.id).where('a.kind', '=', kind).where(writableBy(actor, 'personAddress', 'a', by.permission)).executeTakeFirst();
      moved[`person_address.${kind}`] = Number(r.numUpdatedRows);
    }
  }

  // 5. Household groups of a kind the survivor lacks move over; links in other groups move; self-links go.
  const groups = await ctx.tx.updateTable('household_group as g').set({ owner_person_id: survivor.id })
    .where('g.owner_person_id', '=', merged.id).where('g.archived_at', 'is', null)
    .where(writableBy(actor, 'householdGroup', 'g', by.permission))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('household_group as g2').select('g2.id').whereRef('g2.kind', '=', 'g.kind')
      .where('g2.owner_person_id', '=', survivor.id).where('g2.archived_at', 'is', null).where(visible(actor, 'householdGroup', 'g2')))))
    .executeTakeFirst();
  moved.household_group = Number(groups.numUpdatedRows);
  Object.assign(moved, await moveReferences(ctx.asSystem('unione: i riferimenti alla persona unita passano alla superstite in ogni ufficio'), merged.id, survivor.id));
  await sql`DELETE FROM household_member m USING household_group g
             WHERE m.group_id = g.id AND g.owner_person_id = ${survivor.id} AND m.person_id = ${survivor.id}
               AND ${writableBy(actor, 'householdMember', 'm', by.permission)} AND ${visible(actor, 'householdGroup', 'g')}`.execute(ctx.tx);

  // 6. Access grants on the merged person now reach the survivor.
  const grants = await ctx.tx.updateTable('access_grant').set({ record_id: survivor.id })
    .where('record_kind', 'in', [PERSON, PROTECTED_PERSON]).where('record_id', '=', merged.id).where('revoked_at', 'is', null).executeTakeFirst();
  moved.access_grant = Number(grants.numUpdatedRows);

  // 7. Trace.
  const { can_update: _u, protection_granted: _g, ente_name: _e, ...snapshot } = merged;
  await ctx.tx.insertInto('person_merge').values({
    id: crypto.randomUUID(), ambito_id: survivor.ambito_id, survivor_id: survivor.id, merged_id: merged.id,
    take_from_merged: input.takeFromMerged, merged_snapshot: JSON.stringify(snapshot), moved: JSON.stringify(moved),
    reason: input.reason, operator_id: actor.operatorId,
  }).modifyEnd(insertedBy(actor, 'personMerge', { ambito_id: survivor.ambito_id })).execute();
  await writeHistory(ctx.tx, by, { personId: survivor.id, ambitoId: survivor.ambito_id, operatorId: actor.operatorId, source: 'merge',
    changes: [...changes, { field: 'mergedFrom', before: null, after: merged.id }], note: input.reason });
  await writeHistory(ctx.tx, by, { personId: merged.id, ambitoId: merged.ambito_id, operatorId: actor.operatorId, source: 'merge',
    changes: [{ field: 'mergedInto', before: null, after: survivor.id }], note: input.reason });
  ctx.audit({
    subjectPeople: [survivor.id, merged.id],
    targets: [{ kind: PERSON, id: survivor.id }, { kind: PERSON, id: merged.id }],
    classesChanged: [...new Set(input.takeFromMerged.map(classOfChoice))],
    purpose: input.reason,
    details: { takeFromMerged: input.takeFromMerged, moved, changes: auditDetails(changes) },
  });
  const fresh = await loadPerson(ctx.tx, actor, survivor.id);
  if (!fresh) throw new AppError('not_found');
  return presentPerson(ctx, ctx.tx, actor, fresh);
});
