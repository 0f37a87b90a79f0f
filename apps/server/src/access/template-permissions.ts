import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { writeAudit } from '../audit/audit-writer.js';
import { defaultPermissions } from './policies.js';
import { profileCodes, type ProfileCode } from './profiles.js';

export interface TemplateSync {
  profileId: string;
  code: string;
  added: string[];
}

/**
 * New actions reach existing installations: a built-in region template (ambito_id NULL, code of
 * access/profiles.ts) receives the permissions its policy rule lists (access/policies.ts) that it was
 * never offered (`profile.offered_permissions`, migration 0006). A permission offered once and then
 * removed by an administrator is not offered again: the administrator's choice stands (need to know,
 * GDPR art. 5(1)(c) and 25(2)). A template not tracked yet (NULL) records today's defaults as offered
 * and gains nothing. Ambito profiles are the ambito administrators' own and are never touched.
 *
 * Runs at every start (app.ts), after the demo seed; each addition is one installation-chain audit row
 * (`profiles.templateSync`) and is returned for the start log.
 */
export async function syncTemplatePermissions(db: Kysely<DB>): Promise<TemplateSync[]> {
  return db.transaction().execute(async (tx) => {
    const templates = await tx
      .selectFrom('profile')
      .select(['id', 'code', 'offered_permissions'])
      .where('ambito_id', 'is', null)
      .where('code', 'in', [...profileCodes])
      .forUpdate()
      .execute();
    const out: TemplateSync[] = [];
    for (const p of templates) {
      const defaults = defaultPermissions(p.code as ProfileCode);
      if (p.offered_permissions === null) {
        await tx.updateTable('profile').set({ offered_permissions: defaults }).where('id', '=', p.id).execute();
        continue;
      }
      const offered = new Set(p.offered_permissions);
      const added = defaults.filter((a) => !offered.has(a));
      if (added.length === 0) continue;
      await tx
        .updateTable('profile')
        .set({
          permissions: sql<string[]>`ARRAY(SELECT DISTINCT unnest(permissions || ${added}::text[]) ORDER BY 1)`,
          offered_permissions: sql<string[]>`ARRAY(SELECT DISTINCT unnest(offered_permissions || ${added}::text[]) ORDER BY 1)`,
          version: sql<number>`version + 1`,
          updated_at: sql<Date>`now()`,
        })
        .where('id', '=', p.id)
        .execute();
      await writeAudit(tx, {
        action: 'profiles.templateSync', outcome: 'ok', actor: null, requestId: 'startup', clientIp: '',
        targets: [{ kind: 'profile', id: p.id }], details: { code: p.code, permissionsAdded: added },
      });
      out.push({ profileId: p.id, code: p.code, added });
    }
    return out;
  });
}
