import type { AmbitoView, ContactPointView, EnteView, OfficeView } from '@siso/shared';
import type { Actor } from '../../access/actor.js';
import { abilitiesFor } from '../../access/abilities.js';
import type { Tx } from '../../db/transaction.js';
import { inReach, reachOf } from './reach.js';

type AmbitoRow = { id: string; code: string; name: string; version: number };
type EnteRow = {
  id: string; ambito_id: string | null; kind: string; name: string; fiscal_code: string | null; belfiore_code: string | null;
  istat_code: string | null; is_capofila: boolean; archived_at: Date | null; version: number;
};
type OfficeRow = { id: string; ambito_id: string | null; ente_id: string; type: string; name: string; email: string | null; phone: string | null; archived_at: Date | null; version: number };
type ContactPointRow = { id: string; ambito_id: string | null; ente_id: string; office_id: string; name: string; address: string | null; opening_hours: string | null; version: number };

/** Abilities on a node: the permission, and the permission's reach covering the node. */
function can(actor: Actor, actions: string[], place: { ambitoId: string | null; enteId?: string; officeId?: string }): string[] {
  return abilitiesFor(actor, actions, (a) => inReach(reachOf(actor, a), place));
}

export function presentAmbito(actor: Actor, a: AmbitoRow): Omit<AmbitoView, 'enti'> {
  return { id: a.id, code: a.code, name: a.name, version: a.version, abilities: can(actor, ['ambiti.upsert', 'entes.upsert'], { ambitoId: a.id }) };
}

export function presentEnte(actor: Actor, e: EnteRow): Omit<EnteView, 'offices'> {
  return {
    id: e.id, ambitoId: e.ambito_id!, kind: e.kind as EnteView['kind'], name: e.name, fiscalCode: e.fiscal_code, belfioreCode: e.belfiore_code,
    istatCode: e.istat_code, isCapofila: e.is_capofila, archived: e.archived_at !== null, version: e.version,
    abilities: can(actor, ['entes.upsert', 'offices.upsert'], { ambitoId: e.ambito_id, enteId: e.id }),
  };
}

export function presentOffice(actor: Actor, o: OfficeRow): Omit<OfficeView, 'contactPoints'> {
  return {
    id: o.id, enteId: o.ente_id, type: o.type as OfficeView['type'], name: o.name, email: o.email, phone: o.phone,
    archived: o.archived_at !== null, version: o.version,
    abilities: can(actor, ['offices.upsert', 'contactPoints.upsert'], { ambitoId: o.ambito_id, enteId: o.ente_id, officeId: o.id }),
  };
}

export function presentContactPoint(actor: Actor, c: ContactPointRow): ContactPointView {
  return {
    id: c.id, officeId: c.office_id, name: c.name, address: c.address, openingHours: c.opening_hours, version: c.version,
    abilities: can(actor, ['contactPoints.upsert'], { ambitoId: c.ambito_id, enteId: c.ente_id, officeId: c.office_id }),
  };
}

/**
 * The tenancy tree of the given ambiti (null: all of the region). Four queries, one per level,
 * assembled in memory: an ambito has tens of enti and offices, not thousands.
 */
export async function loadTree(tx: Tx, actor: Actor, regioneId: string, ambitoIds: string[] | null): Promise<AmbitoView[]> {
  let aq = tx.selectFrom('ambito').select(['id', 'code', 'name', 'version']).where('regione_id', '=', regioneId).where('archived_at', 'is', null);
  if (ambitoIds) aq = aq.where('id', 'in', ambitoIds.length ? ambitoIds : ['00000000-0000-0000-0000-000000000000']);
  const ambiti = await aq.orderBy('code').execute();
  const ids = ambiti.map((a) => a.id);
  if (ids.length === 0) return [];
  // One after the other: the transaction holds one connection (ARCHITECTURE.md, "one connection to PGlite").
  const enti = await tx.selectFrom('ente').selectAll().where('ambito_id', 'in', ids).orderBy('is_capofila', 'desc').orderBy('name').execute();
  const offices = await tx.selectFrom('office').selectAll().where('ambito_id', 'in', ids).orderBy('name').execute();
  const points = await tx.selectFrom('contact_point').selectAll().where('ambito_id', 'in', ids).where('archived_at', 'is', null).orderBy('name').execute();
  const pointsBy = groupBy(points, (p) => p.office_id);
  const officesBy = groupBy(offices, (o) => o.ente_id);
  const entiBy = groupBy(enti, (e) => e.ambito_id ?? '');
  return ambiti.map((a) => ({
    ...presentAmbito(actor, a),
    enti: (entiBy.get(a.id) ?? []).map((e) => ({
      ...presentEnte(actor, e),
      offices: (officesBy.get(e.id) ?? []).map((o) => ({
        ...presentOffice(actor, o),
        contactPoints: (pointsBy.get(o.id) ?? []).map((c) => presentContactPoint(actor, c)),
      })),
    })),
  }));
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}
