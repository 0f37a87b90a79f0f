import { sql } from 'kysely';
import { decodeOmocodia, fiscalCodeMismatches, personsReplaceFiscalCode } from '@siso/shared';
import { assertWritable } from '../../../access/masking.js';
import { writableBy } from '../../../access/visibility.js';
import { defineHandler } from '../../../http/action.js';
import { AppError, type ErrorDetail } from '../../../http/app-error.js';
import { actorOf } from '../../organisation/require-actor.js';
import { mapUniqueViolations } from '../../organisation/unique-violation.js';
import { PERSON } from '../person-kinds.js';
import { writeHistory } from '../person-history.js';
import { rewriteFiscalCodeCopies } from '../person-references.js';
import { loadPerson, presentPerson } from '../person-repo.js';
import { personInputClasses } from '../persons.fields.js';
import { fiscalCodeKindOf, throwIfProblems } from '../validate-person.js';

/**
 * persons.replaceFiscalCode (issue 4, point 4): the temporary (or a wrong) code becomes the
 * definitive one on the person and on every registered copy, in one transaction, in the history
 * and the audit. The new code must agree with the person's sex and birth date. A code held by
 * another person of the ambito means a duplicate: merge instead (409).
 *
 * Adoption secrecy (L. 184/1983 art. 28: the adopted child's origins are disclosed only as the law
 * allows): for a person protected for adoption the previous code is not kept in the history, so
 * nothing links the new identity to the birth family's records.
 */
export const replaceFiscalCode = defineHandler(personsReplaceFiscalCode, async (ctx, input) => {
  const actor = actorOf(ctx);
  assertWritable({ fiscalCode: input.fiscalCode }, personInputClasses, actor.writable);
  const row = await loadPerson(ctx.tx, actor, input.id, { permission: 'persons.replaceFiscalCode', forUpdate: true });
  if (!row) throw new AppError('not_found');
  if (row.merged_into || row.archived_at) throw new AppError('precondition_failed', [{ path: 'id', message: 'persona_unita' }]);
  if (row.version !== input.version) throw new AppError('conflict');
  const problems: ErrorDetail[] = [];
  const kind = fiscalCodeKindOf(input.fiscalCode, problems);
  if (kind && kind !== 'definitive') problems.push({ path: 'fiscalCode', message: 'codice_definitivo_richiesto' });
  if (input.fiscalCode === row.fiscal_code) problems.push({ path: 'fiscalCode', message: 'codice_uguale' });
  if (kind === 'definitive') {
    const wrong = fiscalCodeMismatches(input.fiscalCode, { sex: row.sex ?? undefined, birthDate: row.birth_date ?? undefined })
      .filter((m) => m.field === 'sex' || m.field === 'birthDate');
    if (wrong.length > 0) problems.push({ path: 'fiscalCode', message: 'codice_fiscale_incoerente' });
  }
  throwIfProblems(problems);

  await mapUniqueViolations(
    () => sql`UPDATE person p SET fiscal_code = ${input.fiscalCode}, fiscal_code_kind = 'definitive', fiscal_code_base = ${decodeOmocodia(input.fiscalCode)},
                 version = version + 1, updated_at = now(), updated_by = ${actor.operatorId}
               WHERE p.id = ${row.id} AND ${writableBy(actor, PERSON, 'p', 'persons.replaceFiscalCode')}`.execute(ctx.tx),
    { person_fiscal_code_uq: { path: 'fiscalCode', message: 'persona_già_presente_unire' } },
  );
  const copies = await rewriteFiscalCodeCopies(ctx.tx, row.id, row.fiscal_code, input.fiscalCode);
  const adoption = row.protection_reason === 'adoption';
  const before = adoption ? null : row.fiscal_code;
  await writeHistory(ctx.tx, { actor, permission: 'persons.replaceFiscalCode' }, {
    personId: row.id, ambitoId: row.ambito_id, operatorId: actor.operatorId, source: 'fiscal_code_replacement',
    changes: [{ field: 'fiscalCode', before, after: input.fiscalCode }, { field: 'fiscalCodeKind', before: row.fiscal_code_kind, after: 'definitive' }],
    note: input.reason,
  });
  ctx.audit({
    subjectPeople: [row.id], targets: [{ kind: PERSON, id: row.id }], classesChanged: ['personal'], purpose: input.reason,
    details: { fiscalCode: { before: adoption ? 'omesso (segreto adozione)' : row.fiscal_code, after: input.fiscalCode }, copies },
  });
  const fresh = await loadPerson(ctx.tx, actor, row.id);
  if (!fresh) throw new AppError('not_found');
  return presentPerson(ctx, ctx.tx, actor, fresh);
});
