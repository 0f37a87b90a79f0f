/** Generic loader for files that become rows of ref_code (one or more lists per file). */
import { assertUniqueKeys, bulkUpsert, type BulkTable } from './bulk.js';
import { parseCsv, type CsvRecord, type RawFile } from './csv.js';
import type { Dataset } from './dataset.js';

export interface CodeRow {
  list: string;
  code: string;
  label: string | null;
  extra?: Record<string, unknown>;
  validFrom?: string | null;
  validTo?: string | null;
}

const table: BulkTable = {
  table: 'ref_code',
  key: ['list', 'code'],
  columns: [
    { name: 'list', type: 'text' },
    { name: 'code', type: 'text' },
    { name: 'label', type: 'text' },
    // jsonb travels as text and is cast after unnest (no jsonb[] literal escaping issues).
    { name: 'extra', type: 'text', cast: 'jsonb' },
    { name: 'valid_from', type: 'date' },
    { name: 'valid_to', type: 'date' },
    { name: 'sort', type: 'int' },
    { name: 'dataset', type: 'text' },
  ],
};

/** Labels in the sources sometimes carry double or trailing blanks ("Non  applicabile"). */
export function cleanLabel(s: string | null): string | null {
  if (s === null) return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/** Drops null/undefined members so `extra` stays small and diff-friendly. */
function compact(extra: Record<string, unknown> | undefined): string {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(extra ?? {})) if (v !== null && v !== undefined) out[k] = v;
  return JSON.stringify(out);
}

export function codeListDataset(
  name: string,
  file: string,
  version: number,
  map: (raw: RawFile, records: CsvRecord[]) => CodeRow[],
): Dataset {
  return {
    name,
    file,
    version,
    async load(client, raw) {
      const codes = map(raw, parseCsv(raw));
      const sortByList = new Map<string, number>();
      const rows = codes.map((c) => {
        const sort = (sortByList.get(c.list) ?? 0) + 1;
        sortByList.set(c.list, sort);
        return [c.list, c.code, cleanLabel(c.label), compact(c.extra), c.validFrom ?? null, c.validTo ?? null, sort, name];
      });
      assertUniqueKeys(raw.file, table, rows);
      await bulkUpsert(client, table, rows);
      await client.query(
        `DELETE FROM ref_code r WHERE r.dataset = $1 AND NOT EXISTS (
           SELECT 1 FROM unnest($2::text[], $3::text[]) AS k(list, code) WHERE k.list = r.list AND k.code = r.code)`,
        [name, rows.map((r) => r[0]), rows.map((r) => r[1])],
      );
      return rows.length;
    },
  };
}
