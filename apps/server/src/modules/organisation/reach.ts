import { sql, type RawBuilder } from 'kysely';
import type { ProfileScope } from '@siso/shared';
import type { Actor, Scope } from '../../access/actor.js';
import { AppError } from '../../http/app-error.js';

/**
 * Where an administrative permission reaches, from the scope of the profile that holds it
 * (architecture: "Scope, grants and masking"): installation → the whole region; ambito → the actor's
 * ambito; ente / office → theirs. Outside the reach a record is simply not there: 404, never 403.
 */
export type Reach = { all: true } | { all: false; ambitoId: string | null; enteId?: string; officeId?: string };

export interface Place {
  ambitoId: string | null;
  enteId?: string;
  officeId?: string;
}

export function reachOf(actor: Actor, action: string): Reach {
  const c = actor.context;
  if (!c) return { all: false, ambitoId: '00000000-0000-0000-0000-000000000000', enteId: '', officeId: '' };
  switch (actor.scopes[action]) {
    case 'installation':
      return { all: true };
    case 'ambito':
      return { all: false, ambitoId: c.ambitoId };
    case 'ente':
      return { all: false, ambitoId: c.ambitoId, enteId: c.enteId };
    default:
      // own and office: the office; region_aggregate never reaches records (architecture: regional profiles).
      return actor.scopes[action] === 'region_aggregate'
        ? { all: false, ambitoId: '00000000-0000-0000-0000-000000000000', enteId: '', officeId: '' }
        : { all: false, ambitoId: c.ambitoId, enteId: c.enteId, officeId: c.officeId };
  }
}

export function inReach(r: Reach, p: Place): boolean {
  if (r.all) return true;
  // A record above the ambito level (the region's own ente and office) belongs to the installation.
  if (p.ambitoId === null || r.ambitoId !== p.ambitoId) return false;
  if (r.enteId !== undefined && r.enteId !== p.enteId) return false;
  if (r.officeId !== undefined && r.officeId !== p.officeId) return false;
  return true;
}

/** The row when it exists and lies within reach; otherwise 404 (architecture: "not_found also for records the actor may not see"). */
export function reachable<T>(actor: Actor, action: string, row: T | undefined, placeOf: (r: T) => Place): T {
  if (row === undefined || !inReach(reachOf(actor, action), placeOf(row))) throw new AppError('not_found');
  return row;
}

/** The same reach as a SQL predicate over a table with ambito_id, ente_id, office_id columns. */
export function reachSql(r: Reach, alias: string): RawBuilder<boolean> {
  if (r.all) return sql<boolean>`true`;
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const parts = [sql`${col('ambito_id')} = ${r.ambitoId}`];
  if (r.enteId !== undefined) parts.push(sql`${col('ente_id')} = ${r.enteId}`);
  if (r.officeId !== undefined) parts.push(sql`${col('office_id')} = ${r.officeId}`);
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

/** Scopes in order (access issue: own < office < ente < ambito < region_aggregate / installation). */
const rank: Record<Scope, number> = { own: 0, office: 1, ente: 2, ambito: 3, region_aggregate: 4, installation: 4 };

export function scopeRank(s: ProfileScope): number {
  return rank[s];
}

/** The widest scope among the actor's profiles: what they may hand out at most. */
export function maxScopeOf(actor: Actor): ProfileScope {
  let best: ProfileScope = 'own';
  for (const s of Object.values(actor.scopes)) if (rank[s] > rank[best] || (rank[s] === rank[best] && s === 'installation')) best = s;
  return best;
}
