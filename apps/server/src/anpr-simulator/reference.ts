/**
 * Reference data the simulator needs, read straight from the vendored CSV files in
 * `data/reference/` (the simulator is a separate program: it does not use the server's database or
 * its `ref_*` tables). Comuni with their history (ANPR archive, standards.md §4) and foreign states
 * (ANPR tabella 2, with ISTAT, Belfiore Z-code and ISO 3166 numeric codes).
 */
import fs from 'node:fs';
import type { ComuneRef, StateRef } from '@siso/shared';

/** `<repo>/data/reference/` (this file is apps/server/src/anpr-simulator/reference.ts). */
const DATA_DIR = new URL('../../../../data/reference/', import.meta.url);

export interface SimComune extends ComuneRef {
  istat: string;
}

export interface SimState {
  /** ISTAT / ANPR 3-digit code (Italia = 100), what ANPR sends as `codiceStato`. */
  istat: string;
  /** Belfiore Z-code (codice fiscale). */
  belfiore: string | null;
  name: string;
  isoNumeric: number | null;
  birth: boolean;
}

export interface SimReference {
  comuni: SimComune[];
  states: SimState[];
  /** Comune valid on a date, by Belfiore code. */
  comuneAt(belfiore: string, date: string): SimComune | undefined;
  /** Current comune by ISTAT code. */
  comuneByIstat(istat: string): SimComune | undefined;
  stateByBelfiore(code: string): SimState | undefined;
  stateByIso(iso: number): SimState | undefined;
  stateByIstat(istat: string): SimState | undefined;
  /** The generator's view: Belfiore codes, names, validity; states with an ISO code. */
  generatorComuni: ComuneRef[];
  generatorStates: StateRef[];
}

/**
 * RFC 4180 records with a header row (quoted fields, "" escapes, commas and newlines in quotes).
 * A small scanner instead of csv-parse: ten times faster on the 2.5 MB comuni archive, which the
 * server reads at every start in SISO_REGISTRY=simulator mode.
 */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  const [header = [], ...data] = rows;
  return data.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])));
}

function readCsv(file: string): Array<Record<string, string>> {
  return parseCsv(fs.readFileSync(new URL(file, DATA_DIR), 'utf8'));
}

/** "DD/MM/YYYY" (ANPR XLSX exports) or ISO → ISO; 9999-12-31 → null. */
function isoDate(v: string | undefined): string | null {
  if (!v) return null;
  const it = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v);
  const iso = it ? `${it[3]}-${it[2]}-${it[1]}` : v;
  return iso === '9999-12-31' ? null : iso;
}

let cached: SimReference | null = null;

export function loadReference(): SimReference {
  if (cached) return cached;
  const comuni: SimComune[] = readCsv('anpr/anpr_comuni_storico.csv')
    .filter((r) => r.CODCATASTALE && r.CODCATASTALE !== 'ND')
    .map((r) => ({
      belfiore: r.CODCATASTALE as string,
      istat: r.CODISTAT as string,
      name: r.DENOMINAZIONE_IT as string,
      provinceCode: r.SIGLAPROVINCIA as string,
      validFrom: isoDate(r.DATAISTITUZIONE),
      validTo: isoDate(r.DATACESSAZIONE),
    }));
  const states: SimState[] = readCsv('anpr/anpr_stati_esteri.csv').map((r) => ({
    istat: r.codistat as string,
    belfiore: r.codat || null,
    name: (r.denominazione || r.denominazioneistat) as string,
    isoNumeric: r.iso3166_numeric_derivato ? Number(r.iso3166_numeric_derivato) : null,
    birth: r.nascita === 'S',
  }));
  const byBelfiore = new Map<string, SimComune[]>();
  const currentByIstat = new Map<string, SimComune>();
  for (const c of comuni) {
    byBelfiore.set(c.belfiore, [...(byBelfiore.get(c.belfiore) ?? []), c]);
    if (!c.validTo) currentByIstat.set(c.istat, c);
  }
  const stateBelfiore = new Map(states.filter((s) => s.belfiore).map((s) => [s.belfiore as string, s]));
  const stateIso = new Map(states.filter((s) => s.isoNumeric !== null && s.istat !== '100').map((s) => [s.isoNumeric as number, s]));
  const stateIstat = new Map(states.map((s) => [s.istat, s]));
  const italy = stateIstat.get('100');
  if (italy) stateIso.set(380, italy);
  cached = {
    comuni,
    states,
    comuneAt(belfiore, date) {
      const rows = byBelfiore.get(belfiore) ?? [];
      return rows.find((c) => (!c.validFrom || c.validFrom <= date) && (!c.validTo || c.validTo >= date)) ?? rows[rows.length - 1];
    },
    comuneByIstat: (istat) => currentByIstat.get(istat),
    stateByBelfiore: (code) => stateBelfiore.get(code),
    stateByIso: (iso) => stateIso.get(iso),
    stateByIstat: (istat) => stateIstat.get(istat),
    generatorComuni: comuni.map(({ belfiore, name, provinceCode, validFrom, validTo }) => ({ belfiore, name, provinceCode, validFrom, validTo })),
    generatorStates: states
      .filter((s) => s.belfiore && s.birth)
      .map((s) => ({ code: s.belfiore as string, name: s.name, isoNumeric: s.isoNumeric })),
  };
  return cached;
}

/** Postal codes of the demo region's comuni (the ANPR archive has none); others get null. */
export const DEMO_POSTAL_CODES: Readonly<Record<string, string>> = {
  '054013': '06012', // Città di Castello
  '054056': '06019', // Umbertide
  '054039': '06121', // Perugia
  '054015': '06073', // Corciano
};

/** Default comuni of residence: the demo region (README: Alto Tevere and Perugino). */
export const DEMO_RESIDENCE_BELFIORE = ['C745', 'D786', 'G478', 'C990'] as const;
