import { sql } from 'kysely';
import { serviceCatalogueFind } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { actorOf } from '../../organisation/require-actor.js';

const ADMIN_PROFILES = new Set(['amministratore_ambito', 'amministratore_sistema']);

/**
 * serviceCatalogue.find: the services a request may name — the desk's own services first, then by
 * code. Disabled entries are listed only for administrators who ask (to re-enable them); for
 * everyone else a disabled service is not offered.
 */
export const findServiceCatalogue = defineHandler(serviceCatalogueFind, async (ctx, input) => {
  const actor = actorOf(ctx);
  const includeDisabled = input.includeDisabled && actor.profiles.some((p) => ADMIN_PROFILES.has(p));
  let q = ctx.tx
    .selectFrom('service_catalogue')
    .select(['code', 'label', 'siuss_code', 'user_area', 'desk_service', 'enabled'])
    .orderBy('desk_service', 'desc')
    .orderBy('code')
    .limit(1000);
  if (!includeDisabled) q = q.where('enabled', '=', true);
  if (input.q) {
    const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('code', 'ilike', like), sql<boolean>`unaccent(label) ILIKE unaccent(${like})`]));
  }
  const rows = await q.execute();
  return {
    items: rows.map((r) => ({ code: r.code, label: r.label, siussCode: r.siuss_code, userArea: r.user_area, deskService: r.desk_service, enabled: r.enabled })),
  };
});
