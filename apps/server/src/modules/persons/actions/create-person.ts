import crypto from 'node:crypto';
import { decodeOmocodia, generateAnonymousCode, generateTemporaryFiscalCode, personsCreate, type FiscalCodeKind } from '@siso/shared';
import { assertWritable } from '../../../access/masking.js';
import { defineHandler } from '../../../http/action.js';
import { AppError, type ErrorDetail } from '../../../http/app-error.js';
import { ambitoActor } from '../require-ambito.js';
import { mapUniqueViolations } from '../../organisation/unique-violation.js';
import { PERSON } from '../person-kinds.js';
import { diffColumns, writeHistory } from '../person-history.js';
import { loadPerson, presentPerson } from '../person-repo.js';
import { personInputClasses } from '../persons.fields.js';
import { isValidSearchToken } from '../search-token.js';
import { insertedBy } from '../../../access/visibility.js';
import { checkAddressPlace, fiscalCodeKindOf, resolveIdentity, throwIfProblems } from '../validate-person.js';
import { grantProtectionTo, insertAddresses, insertAliases } from '../person-parts.js';

/**
 * persons.create (issue 4, points 2 and 4): only after a search (searchToken); a definitive code is
 * validated and fills sex, birth date and birthplace; `temporaryFiscalCode` generates a local code;
 * `identity: anonymous` creates a person with a generated identifier and no names.
 */
export const createPerson = defineHandler(personsCreate, async (ctx, input) => {
  const actor = ambitoActor(ctx);
  if (!isValidSearchToken(ctx.services.config, actor.operatorId, input.searchToken)) {
    throw new AppError('precondition_failed', [{ path: 'searchToken', message: 'ricerca_prima_di_creare' }]);
  }
  const { searchToken: _token, ...written } = input;
  const classesChanged = assertWritable(written, personInputClasses, actor.writable);

  const problems: ErrorDetail[] = [];
  const anonymous = input.identity === 'anonymous';
  let fiscalCode = input.fiscalCode ?? null;
  let kind: FiscalCodeKind | null = fiscalCode ? fiscalCodeKindOf(fiscalCode, problems) : null;
  if (input.temporaryFiscalCode) {
    if (fiscalCode) problems.push({ path: 'temporaryFiscalCode', message: 'codice_già_presente' });
    fiscalCode = generateTemporaryFiscalCode();
    kind = 'temporary';
  }
  if (!anonymous && !input.surname) problems.push({ path: 'surname', message: 'required' });
  const identity = await resolveIdentity(ctx.tx, input, kind, null, problems);
  for (const [i, a] of (input.addresses ?? []).entries()) await checkAddressPlace(ctx.tx, a, `addresses.${i}`, problems);
  throwIfProblems(problems);

  const id = crypto.randomUUID();
  const c = actor.context;
  const columns = {
    anonymous,
    anonymous_code: anonymous ? generateAnonymousCode() : null,
    fiscal_code: fiscalCode,
    fiscal_code_kind: kind,
    fiscal_code_base: kind === 'definitive' && fiscalCode ? decodeOmocodia(fiscalCode) : null,
    ...identity,
    citizenships: identity.citizenships ?? [],
    contacts: JSON.stringify(input.contacts ?? []),
    homeless: input.homeless ?? false,
    reception_facility: input.receptionFacility ?? null,
    gp: input.gp ? JSON.stringify({ name: input.gp.name, regionalCode: input.gp.regionalCode ?? null, phone: input.gp.phone ?? null }) : null,
    health_card_number: input.healthCardNumber ?? null,
    stp_eni_code: input.stpEniCode ?? null,
    notes: input.notes ?? null,
    anpr_id: input.anprId ?? null,
    registry_sync: input.registrySync ?? false,
    protection_reason: input.protectionReason ?? null,
  };
  await mapUniqueViolations(
    () =>
      ctx.tx
        .insertInto('person')
        .values({ id, ambito_id: c.ambitoId, ente_id: c.enteId, office_id: c.officeId, created_by: actor.operatorId, updated_by: actor.operatorId, ...columns })
        .modifyEnd(insertedBy(actor, PERSON, { ambito_id: c.ambitoId }))
        .execute(),
    { person_fiscal_code_uq: { path: 'fiscalCode', message: 'persona_già_presente' } },
  );
  const by = { actor, permission: 'persons.create' };
  await insertAliases(ctx.tx, by, id, c.ambitoId, input.aliases ?? []);
  await insertAddresses(ctx.tx, by, id, c.ambitoId, actor.operatorId, input.addresses ?? []);
  if (columns.protection_reason) {
    await grantProtectionTo(ctx.tx, { personId: id, ambitoId: c.ambitoId, enteId: c.enteId, operatorId: actor.operatorId, purpose: 'protezione: operatore che ha registrato la persona' });
  }
  await writeHistory(ctx.tx, by, {
    personId: id, ambitoId: c.ambitoId, operatorId: actor.operatorId, source: 'manual',
    changes: diffColumns(null, { ...columns, contacts: input.contacts ?? [], gp: input.gp ?? null }),
    note: 'registrazione',
  });
  ctx.audit({ subjectPeople: [id], targets: [{ kind: PERSON, id }], classesChanged });
  const row = await loadPerson(ctx.tx, actor, id);
  if (!row) throw new AppError('not_found');
  return presentPerson(ctx, ctx.tx, actor, row);
});
