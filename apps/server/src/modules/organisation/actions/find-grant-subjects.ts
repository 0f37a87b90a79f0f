import { grantsSubjects, type GrantSubject } from '@siso/shared';
import { sql } from 'kysely';
import { defineHandler } from '../../../http/action.js';
import { actorOf } from '../require-actor.js';

const LIMIT = 50;

/**
 * grants.subjects (issue 11, point 1): whom a record can be shared with, for the sharing form's
 * picker — operators with an assignment valid today, offices, enti — of the actor's region (a share
 * may cross ambiti: architecture, "Data rules"), by name, the actor's own ambito first. Names of offices
 * and operators are organisational data (class `public`): nothing of the people served is read; the
 * operators listed are audited as every read of operators is.
 */
export const findGrantSubjects = defineHandler(grantsSubjects, async (ctx, input) => {
  const c = actorOf(ctx).context;
  const like = input.q ? `%${input.q.toLowerCase().replace(/[\\%_]/g, (x) => `\\${x}`)}%` : null;
  const match = (text: ReturnType<typeof sql>) => (like ? sql`AND f_unaccent(lower(${text})) LIKE f_unaccent(${like})` : sql``);
  const query =
    input.kind === 'operator'
      ? sql<GrantSubject & { mine: boolean }>`
          SELECT DISTINCT ON (o.family_name, o.given_name, o.id) 'operator' AS kind, o.id, o.given_name || ' ' || o.family_name AS name,
                 f.name || ' — ' || e.name AS detail, e.ambito_id IS NOT DISTINCT FROM ${c.ambitoId}::uuid AS mine
            FROM operator o JOIN assignment a ON a.operator_id = o.id JOIN office f ON f.id = a.office_id JOIN ente e ON e.id = a.ente_id
           WHERE e.regione_id = ${c.regioneId} AND o.disabled_at IS NULL AND f.archived_at IS NULL
             AND a.valid_from <= current_date AND (a.valid_to IS NULL OR a.valid_to >= current_date)
             ${match(sql`o.given_name || ' ' || o.family_name || ' ' || o.family_name || ' ' || o.given_name`)}
           ORDER BY o.family_name, o.given_name, o.id, (e.ambito_id IS NOT DISTINCT FROM ${c.ambitoId}::uuid) DESC`
      : input.kind === 'office'
        ? sql<GrantSubject & { mine: boolean }>`
            SELECT 'office' AS kind, f.id, f.name, e.name AS detail, e.ambito_id IS NOT DISTINCT FROM ${c.ambitoId}::uuid AS mine
              FROM office f JOIN ente e ON e.id = f.ente_id
             WHERE e.regione_id = ${c.regioneId} AND f.archived_at IS NULL AND e.archived_at IS NULL ${match(sql`f.name || ' ' || e.name`)}`
        : sql<GrantSubject & { mine: boolean }>`
            SELECT 'ente' AS kind, e.id, e.name, NULL AS detail, e.ambito_id IS NOT DISTINCT FROM ${c.ambitoId}::uuid AS mine
              FROM ente e WHERE e.regione_id = ${c.regioneId} AND e.archived_at IS NULL ${match(sql`e.name`)}`;
  const rows = (await sql<GrantSubject & { mine: boolean }>`SELECT * FROM (${query}) s ORDER BY s.mine DESC, s.name, s.detail, s.id LIMIT ${LIMIT}`.execute(ctx.tx)).rows;
  // As every read of operators (operators.repo.ts): audited with the operator ids; names are `public`.
  if (input.kind === 'operator' && rows.length > 0) ctx.audit({ targets: rows.map((r) => ({ kind: 'operator', id: r.id })), classesRead: ['public'] });
  return { items: rows.map(({ kind, id, name, detail }) => ({ kind, id, name, detail })) };
});
