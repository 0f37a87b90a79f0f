import { normalizeName, personsLoadFromRegistry, type RegistryPerson } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf } from '../../organisation/require-actor.js';
import { PERSON } from '../person-kinds.js';
import { loadAddresses, loadPerson } from '../person-repo.js';
import { RegistryUnavailableError } from '../registry/registry-errors.js';

/**
 * persons.loadFromRegistry (issue 4, point 8): asks the configured registry (ANPR through PDND, a
 * municipal registry, or none) for a fiscal code, to prefill the form or compare with what we hold.
 * Changes nothing: the operator saves with persons.update. Audited as a read of the person, with the
 * reason the operator gave (ANPR's `motivoRichiesta`, standards §5.2). A registry that times out or
 * answers garbage is a clear 503-like message, never a half-filled form.
 */
export const loadFromRegistry = defineHandler(personsLoadFromRegistry, async (ctx, input) => {
  const actor = actorOf(ctx);
  const registry = ctx.services.registry;
  let current: Awaited<ReturnType<typeof loadPerson>> = null;
  if (input.personId) {
    current = await loadPerson(ctx.tx, actor, input.personId, { permission: 'persons.loadFromRegistry' });
    if (!current) throw new AppError('not_found');
    if (current.fiscal_code_kind !== 'definitive') throw new AppError('precondition_failed', [{ path: 'personId', message: 'codice_non_definitivo' }]);
    if (current.fiscal_code !== input.fiscalCode) throw new AppError('invalid_input', [{ path: 'fiscalCode', message: 'codice_diverso_dalla_persona' }]);
  }
  if (registry.source === 'none') return { source: 'none' as const, found: false, person: null, differences: [], warnings: ['anagrafe_non_configurata'] };
  let result: { person: RegistryPerson | null; warnings: string[] };
  try {
    result = await registry.lookup(input.fiscalCode, { operatorId: actor.operatorId, officeLabel: actor.context.officeName ?? actor.context.officeId, reason: input.reason });
  } catch (err) {
    if (err instanceof RegistryUnavailableError) throw new AppError('precondition_failed', [{ path: 'fiscalCode', message: `anagrafe_non_disponibile` }]);
    throw err;
  }
  ctx.audit({
    subjectPeople: current ? [current.id] : [],
    targets: current ? [{ kind: PERSON, id: current.id }] : [],
    classesRead: ['personal'],
    purpose: input.reason,
    details: { registry: registry.source, found: result.person !== null },
  });
  const differences: Array<{ field: string; current: unknown; registry: unknown }> = [];
  if (current && result.person) {
    const p = result.person;
    const addresses = (await loadAddresses(ctx.tx, actor, [current.id])).get(current.id) ?? [];
    const residence = addresses.find((a) => a.kind === 'residence' && a.validTo === null) ?? null;
    const compare: Array<[string, unknown, unknown]> = [
      // ANPR writes names in capitals: compare them as search keys, not letter case.
      ['surname', current.surname, p.surname && current.surname && normalizeName(p.surname) === normalizeName(current.surname) ? current.surname : p.surname],
      ['name', current.name, p.name && current.name && normalizeName(p.name) === normalizeName(current.name) ? current.name : p.name],
      ['sex', current.sex, p.sex],
      ['birthDate', current.birth_date, p.birthDate],
      ['birthComuneIstat', current.birth_comune_istat, p.birthComuneIstat],
      ['birthStateCode', current.birth_state_code, p.birthStateCode],
      ['citizenships', [...current.citizenships].sort(), [...p.citizenships].sort()],
      ['civilStatus', current.civil_status, p.civilStatus],
      ['dateOfDeath', current.date_of_death, p.dateOfDeath],
      ['residence', residence && `${residence.street} ${residence.civic ?? ''} ${residence.comuneIstat ?? residence.stateCode ?? ''}`.trim(),
        p.residence && `${p.residence.street} ${p.residence.civic ?? ''} ${p.residence.comuneIstat ?? p.residence.stateCode ?? ''}`.trim()],
    ];
    for (const [field, a, b] of compare) {
      if (b !== null && b !== undefined && JSON.stringify(a ?? null) !== JSON.stringify(b)) differences.push({ field, current: a ?? null, registry: b });
    }
  }
  // A protected person's registry address is shown only to those granted (issue 4, point 5).
  const person = result.person && current?.protection_reason && !current.protection_granted ? { ...result.person, residence: null, household: [] } : result.person;
  return { source: registry.source, found: result.person !== null, person, differences, warnings: result.warnings };
});
