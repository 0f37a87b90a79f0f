import { normalizeName, personsLoadFromRegistry, type RegistryPerson } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf } from '../../organisation/require-actor.js';
import { presentPersonRecord } from '../person-present.js';
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
  // The registry's answer about the person; what we hold of them is noted by the person presenter below.
  ctx.audit({ classesRead: ['personal'], purpose: input.reason, details: { registry: registry.source, found: result.person !== null } });
  // A protected person's registry address and household are shown only to those granted (issue 4, point 5).
  const person = result.person && current?.protection_reason && !current.protection_granted ? { ...result.person, residence: null, household: [] } : result.person;
  const differences: Array<{ field: string; current: unknown; registry: unknown }> = [];
  if (current) {
    const residence = person?.residence ? ((await loadAddresses(ctx.tx, actor, [current.id])).get(current.id) ?? []).find((a) => a.kind === 'residence' && a.validTo === null) ?? null : null;
    const held = {
      surname: current.surname, name: current.name, sex: current.sex, birthDate: current.birth_date, birthComuneIstat: current.birth_comune_istat,
      birthStateCode: current.birth_state_code, citizenships: [...current.citizenships].sort(), civilStatus: current.civil_status, dateOfDeath: current.date_of_death,
      addresses: residence && `${residence.street} ${residence.civic ?? ''} ${residence.comuneIstat ?? residence.stateCode ?? ''}`.trim(),
    };
    // What we hold, as the actor may see it: through the person presenter (their classes, whereabouts withheld).
    const shown = presentPersonRecord(ctx, actor, current, held);
    if (person) differences.push(...compareWithRegistry(held, shown, person));
  }
  return { source: registry.source, found: result.person !== null, person, differences, warnings: result.warnings };
});

/** The fields where the registry says something else than what we hold; ours shown as presented. */
function compareWithRegistry(
  held: Record<string, unknown>,
  shown: Record<string, unknown>,
  p: RegistryPerson,
): Array<{ field: string; current: unknown; registry: unknown }> {
  const sameName = (ours: unknown, theirs: string | null) =>
    // ANPR writes names in capitals: compare them as search keys, not letter case.
    theirs && typeof ours === 'string' && normalizeName(theirs) === normalizeName(ours) ? ours : theirs;
  const registry: Array<[field: string, key: string, value: unknown]> = [
    ['surname', 'surname', sameName(held.surname, p.surname)],
    ['name', 'name', sameName(held.name, p.name)],
    ['sex', 'sex', p.sex],
    ['birthDate', 'birthDate', p.birthDate],
    ['birthComuneIstat', 'birthComuneIstat', p.birthComuneIstat],
    ['birthStateCode', 'birthStateCode', p.birthStateCode],
    ['citizenships', 'citizenships', [...p.citizenships].sort()],
    ['civilStatus', 'civilStatus', p.civilStatus],
    ['dateOfDeath', 'dateOfDeath', p.dateOfDeath],
    ['residence', 'addresses', p.residence && `${p.residence.street} ${p.residence.civic ?? ''} ${p.residence.comuneIstat ?? p.residence.stateCode ?? ''}`.trim()],
  ];
  return registry.flatMap(([field, key, b]) =>
    b !== null && b !== undefined && JSON.stringify(held[key] ?? null) !== JSON.stringify(b) ? [{ field, current: shown[key] ?? null, registry: b }] : []);
}
