import { sql } from 'kysely';
import { decodeOmocodia, personsUpdate } from '@siso/shared';
import { assertWritable } from '../../../access/masking.js';
import { visible, writableBy } from '../../../access/visibility.js';
import { defineHandler } from '../../../http/action.js';
import { AppError, type ErrorDetail } from '../../../http/app-error.js';
import { actorOf } from '../../organisation/require-actor.js';
import { mapUniqueViolations } from '../../organisation/unique-violation.js';
import { PERSON } from '../person-kinds.js';
import { auditDetails, plainColumns, setClause } from '../person-columns.js';
import { diffColumns, writeHistory } from '../person-history.js';
import { grantProtectionTo, historiseAddress, insertAliases } from '../person-parts.js';
import { loadPerson, presentPerson } from '../person-repo.js';
import { personInputClasses } from '../persons.fields.js';
import { checkAddressPlace, fiscalCodeKindOf, resolveIdentity, throwIfProblems } from '../validate-person.js';

/**
 * persons.update (issue 4, points 2, 4, 9): optimistic locking (409 on a stale version), every change
 * kept in the person's history, a new residence/domicile closes the previous one. A code already set
 * is changed only by persons.replaceFiscalCode, the audited "replace everywhere" operation.
 */
export const updatePerson = defineHandler(personsUpdate, async (ctx, input) => {
  const actor = actorOf(ctx);
  const { id, version, ...written } = input;
  const classesChanged = assertWritable(written, personInputClasses, actor.writable);
  const row = await loadPerson(ctx.tx, actor, id, { permission: 'persons.update', forUpdate: true });
  if (!row) throw new AppError('not_found');
  if (row.merged_into || row.archived_at) throw new AppError('precondition_failed', [{ path: 'id', message: 'persona_unita' }]);
  if (row.version !== version) throw new AppError('conflict');
  // A protected person's whereabouts are written only by those who may see them (issue 4, point 5).
  if (row.protection_reason && !row.protection_granted && (input.newAddress || input.receptionFacility !== undefined)) {
    throw new AppError('field_masked', [{ path: input.newAddress ? 'newAddress' : 'receptionFacility', message: 'campo_riservato' }]);
  }

  const problems: ErrorDetail[] = [];
  let kind = row.fiscal_code_kind;
  const codeColumns: Record<string, unknown> = {};
  if (input.fiscalCode !== undefined && input.fiscalCode !== row.fiscal_code) {
    if (row.fiscal_code !== null) problems.push({ path: 'fiscalCode', message: 'usare_sostituzione_codice' });
    else if (input.fiscalCode !== null) {
      kind = fiscalCodeKindOf(input.fiscalCode, problems);
      Object.assign(codeColumns, { fiscal_code: input.fiscalCode, fiscal_code_kind: kind, fiscal_code_base: kind === 'definitive' ? decodeOmocodia(input.fiscalCode) : null });
    }
  }
  const identifying = row.anonymous && input.identify === true;
  if (identifying && !(input.surname ?? row.surname)) problems.push({ path: 'surname', message: 'required' });
  if (!row.anonymous && input.surname === null) problems.push({ path: 'surname', message: 'required' });
  const identity = await resolveIdentity(ctx.tx, { ...input, fiscalCode: (codeColumns.fiscal_code as string | undefined) ?? null }, codeColumns.fiscal_code ? kind : null, row, problems);
  if (input.newAddress) {
    await checkAddressPlace(ctx.tx, input.newAddress, 'newAddress', problems);
    const later = await ctx.tx.selectFrom('person_address as a').select('a.id').where('a.person_id', '=', id).where('a.kind', '=', input.newAddress.kind)
      .where('a.valid_from', '>=', input.newAddress.validFrom).where(visible(actor, 'personAddress', 'a')).executeTakeFirst();
    if (later) problems.push({ path: 'newAddress.validFrom', message: 'data_precedente_indirizzo_attuale' });
  }
  throwIfProblems(problems);

  const columns: Record<string, unknown> = { ...codeColumns, ...identity, ...plainColumns(input) };
  if (identifying) columns.anonymous = false;
  const changes = diffColumns(row as unknown as Record<string, unknown>, columns);
  if (Object.keys(columns).length > 0 || input.aliases || input.newAddress) {
    await mapUniqueViolations(
      () => sql`UPDATE person p SET ${sql.join([...setClause(columns), sql`version = version + 1`, sql`updated_at = now()`, sql`updated_by = ${actor.operatorId}`])}
                 WHERE p.id = ${id} AND ${writableBy(actor, PERSON, 'p', 'persons.update')}`.execute(ctx.tx),
      { person_fiscal_code_uq: { path: 'fiscalCode', message: 'persona_già_presente' } },
    );
  }
  const by = { actor, permission: 'persons.update' };
  if (input.aliases) {
    await ctx.tx.deleteFrom('person_alias as al').where('al.person_id', '=', id).where(writableBy(actor, 'personAlias', 'al', by.permission)).execute();
    await insertAliases(ctx.tx, by, id, row.ambito_id, input.aliases);
    changes.push({ field: 'aliases', before: null, after: input.aliases.map((a) => [a.surname, a.name ?? ''].join(' ').trim()) });
  }
  if (input.newAddress) {
    await historiseAddress(ctx.tx, by, id, row.ambito_id, actor.operatorId, input.newAddress);
    changes.push({ field: `address.${input.newAddress.kind}`, before: null, after: { street: input.newAddress.street, validFrom: input.newAddress.validFrom } });
  }
  if (input.protectionReason && !row.protection_reason && !row.protection_granted) {
    await grantProtectionTo(ctx.tx, { personId: id, ambitoId: row.ambito_id, enteId: actor.context.enteId, operatorId: actor.operatorId, purpose: 'protezione: operatore che ha disposto la protezione' });
  }
  await writeHistory(ctx.tx, by, { personId: id, ambitoId: row.ambito_id, operatorId: actor.operatorId, source: identifying ? 'identification' : 'manual', changes });
  ctx.audit({ subjectPeople: [id], targets: [{ kind: PERSON, id }], classesChanged, details: auditDetails(changes) });
  const fresh = await loadPerson(ctx.tx, actor, id);
  if (!fresh) throw new AppError('not_found');
  return presentPerson(ctx, ctx.tx, actor, fresh);
});
