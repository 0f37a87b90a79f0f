/**
 * Fault injection for the next N calls (issue 4, "Bad input": a registry that times out or answers
 * garbage). Admin endpoints (`/__sim/`) are never affected.
 */
export const faultModes = ['timeout', 'garbage', 'garbage_json', 'http500', 'http503'] as const;
export type FaultMode = (typeof faultModes)[number];
export const faultTargets = ['all', 'token', 'anpr', 'municipal'] as const;
export type FaultTarget = (typeof faultTargets)[number];

export interface Fault {
  mode: FaultMode;
  /** How many of the next matching calls fail (default 1). */
  count?: number;
  /** Which calls: the PDND token endpoint, the ANPR e-services, the municipal API, or all (default). */
  target?: FaultTarget;
}

export function targetOf(url: string): FaultTarget | null {
  if (url.startsWith('/__sim')) return null;
  if (url.startsWith('/token.oauth2')) return 'token';
  if (url.startsWith('/municipal/')) return 'municipal';
  if (url.startsWith('/govway/')) return 'anpr';
  return null;
}

export class FaultQueue {
  private faults: Array<Required<Fault>> = [];

  inject(f: Fault): void {
    this.faults.push({ mode: f.mode, count: f.count ?? 1, target: f.target ?? 'all' });
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault to apply to a call on `url`, consuming one of its count. */
  take(url: string): FaultMode | null {
    const target = targetOf(url);
    if (!target) return null;
    const f = this.faults.find((x) => x.count > 0 && (x.target === 'all' || x.target === target));
    if (!f) return null;
    f.count -= 1;
    this.faults = this.faults.filter((x) => x.count > 0);
    return f.mode;
  }
}

/** Bodies of a garbled answer: bytes that are not JSON, or JSON of the wrong shape. */
export const GARBAGE_BODY = '<html><body>502 Bad Gateway</body>\u0000\u0001{"listaSoggetti":';
export const GARBAGE_JSON_BODY = JSON.stringify({ idOperazioneANPR: 42, listaSoggetti: { datiSoggetto: 'n/d' }, person: [1, 2, 3], access_token: null, changes: 'x' });
