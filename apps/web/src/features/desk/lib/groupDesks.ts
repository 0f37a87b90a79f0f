import type { DeskView } from '@siso/shared';

export interface DeskGroup {
  /** "Ambito — Ente" as the operator reads it. */
  key: string;
  ambitoName: string | null;
  enteName: string;
  desks: DeskView[];
}

/**
 * Destination desks grouped by ambito and ente, in the order the server listed them (a scheda may go
 * to a desk of the same ente, of the ambito or of another ambito: siso-original §3.2).
 */
export function groupDesks(desks: readonly DeskView[], exceptOfficeId?: string): DeskGroup[] {
  const groups = new Map<string, DeskGroup>();
  for (const d of desks) {
    if (d.officeId === exceptOfficeId) continue;
    const key = `${d.ambitoId ?? ''}|${d.enteId}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, ambitoName: d.ambitoName, enteName: d.enteName, desks: [] };
      groups.set(key, g);
    }
    g.desks.push(d);
  }
  return [...groups.values()];
}
