import { personsFind } from '@siso/shared';
import { abilitiesFor } from '../../../access/abilities.js';
import { defineHandler } from '../../../http/action.js';
import { actorOf } from '../../organisation/require-actor.js';
import { presentPersonPreview, presentPersonRecord } from '../person-present.js';
import { issueSearchToken } from '../search-token.js';
import { fillSlots } from '../search/search-slots.js';
import { planSearch } from '../search/search-query.js';
import { searchPersons, type SearchRow } from '../search/search-persons.js';

type MatchedOn = 'fiscalCode' | 'name' | 'alias' | 'birthDate';

function matchedOn(row: SearchRow, mode: string, byDate: boolean): MatchedOn[] {
  const out: MatchedOn[] = [];
  if (mode === 'code' || mode === 'codePrefix' || mode === 'anonymous') out.push('fiscalCode');
  if (mode === 'name' && row.name_score >= row.alias_score) out.push('name');
  if (mode === 'name' && row.alias_score > row.name_score) out.push('alias');
  if (byDate) out.push('birthDate');
  return out;
}

/**
 * persons.find — search first (issue 4, point 1; architecture: "People are ambito-wide for
 * identification"). In-scope people come through the person presenter, as listed rows (masked
 * with the actor's classes; a break-the-glass opens one person, on persons.get, not in a list); others
 * of the ambito as the limited preview (name, birth date, fiscal code, holding ente) and only for
 * profiles that register people (the preview exists to prevent duplicates; a third-sector operator
 * only sees what is granted). One audit row lists every person returned.
 */
export const findPersons = defineHandler(personsFind, async (ctx, input) => {
  const actor = actorOf(ctx);
  const plan = planSearch(input.q);
  const previews = actor.permissions.has('persons.create');
  const rows = await searchPersons(ctx.tx, actor, { plan, birthDate: input.birthDate, includeMerged: input.includeMerged, limit: input.limit, previews });
  const slots = await fillSlots(ctx.tx, actor, rows.filter((r) => r.in_scope).map((r) => r.id));
  const items = rows.map((row) => {
    const fields = {
      anonymous: row.anonymous,
      anonymousCode: row.anonymous_code,
      fiscalCodeKind: row.fiscal_code_kind,
      fiscalCode: row.fiscal_code,
      surname: row.surname,
      name: row.name,
      sex: row.sex,
      birthDate: row.birth_date,
      birthPlaceName: row.birth_place_name,
      enteId: row.ente_id,
      enteName: row.ente_name,
      deceased: row.date_of_death !== null,
      protected: row.protection_reason !== null,
    };
    // The preview: its fixed fields, whatever the profile reads elsewhere (the documented exemption).
    const shown = row.in_scope ? presentPersonRecord(ctx, actor, row, fields, { listed: true }) : presentPersonPreview(ctx, row.id, fields);
    return {
      id: row.id,
      inScope: row.in_scope,
      score: row.score,
      matchedOn: matchedOn(row, plan.mode, Boolean(input.birthDate)),
      ...(shown as typeof fields),
      slots: row.in_scope ? slots.get(row.id) ?? {} : {},
      abilities: row.in_scope
        ? abilitiesFor(actor, ['persons.get', 'persons.update', 'households.get'], (a) => a !== 'persons.update' || row.can_update)
        : [],
    };
  });
  ctx.audit({ details: { mode: plan.mode, results: items.length } });
  return {
    items,
    nextCursor: null,
    searchToken: actor.permissions.has('persons.create') ? issueSearchToken(ctx.services.config, actor.operatorId) : null,
  };
});
