/** Reading the vendored CSV files: bytes + SHA-256 for change detection, then RFC 4180 parsing. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';

/** Default location: `<repo>/data/reference/` (this file is apps/server/src/reference-data/csv.ts). */
export const defaultDataDir = new URL('../../../../data/reference/', import.meta.url);

export interface RawFile {
  /** Path relative to the data directory, e.g. "anpr/anpr_comuni_storico.csv". */
  file: string;
  bytes: Buffer;
  sha256: string;
}

export function readRaw(dataDir: URL, file: string): RawFile {
  const bytes = fs.readFileSync(new URL(file, dataDir));
  return { file, bytes, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}

/** A parsed record plus its 1-based line number in the file (header = line 1), for errors. */
export type CsvRecord = Record<string, string> & { readonly __line: number };

export class ReferenceDataError extends Error {
  constructor(file: string, line: number | null, message: string) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
    this.name = 'ReferenceDataError';
  }
}

export function parseCsv(raw: RawFile): CsvRecord[] {
  try {
    // With `info`, csv-parse wraps each record as { record, info }; info.lines is the line where
    // the record ends (the same as where it starts unless a quoted field spans lines).
    const records = parse<{ record: Record<string, string>; info: { lines: number } }>(raw.bytes, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      info: true,
    });
    return records.map((r) => Object.assign(r.record, { __line: r.info.lines }) as CsvRecord);
  } catch (err) {
    throw new ReferenceDataError(raw.file, null, err instanceof Error ? err.message : String(err));
  }
}

/** Required non-empty field. */
export function req(raw: RawFile, r: CsvRecord, column: string): string {
  const v = r[column];
  if (v === undefined) throw new ReferenceDataError(raw.file, r.__line, `missing column "${column}"`);
  if (v.trim() === '') throw new ReferenceDataError(raw.file, r.__line, `empty "${column}"`);
  return v;
}

/** Optional field: empty → null. */
export function opt(r: CsvRecord, column: string): string | null {
  const v = r[column];
  return v === undefined || v.trim() === '' ? null : v;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const ITALIAN = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/**
 * Dates appear as ISO "YYYY-MM-DD" (ANPR archive) or "DD/MM/YYYY" (ANPR XLSX exports).
 * Returns ISO or null when empty; `openEnded` maps 9999-12-31 ("no end") to null.
 */
export function date(raw: RawFile, r: CsvRecord, column: string, openEnded = false): string | null {
  const v = opt(r, column);
  if (v === null) return null;
  let y: string, m: string, d: string;
  const iso = ISO.exec(v);
  const it = ITALIAN.exec(v);
  if (iso) [, y, m, d] = iso as unknown as [string, string, string, string];
  else if (it) [, d, m, y] = it as unknown as [string, string, string, string];
  else throw new ReferenceDataError(raw.file, r.__line, `"${column}" is not a date: "${v}"`);
  const out = `${y}-${m}-${d}`;
  const check = new Date(`${out}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== out) {
    throw new ReferenceDataError(raw.file, r.__line, `"${column}" is not a calendar date: "${v}"`);
  }
  return openEnded && out === '9999-12-31' ? null : out;
}

/** "S"/"N" flags of the ANPR tables. */
export function flag(raw: RawFile, r: CsvRecord, column: string): boolean {
  const v = req(raw, r, column);
  if (v === 'S') return true;
  if (v === 'N') return false;
  throw new ReferenceDataError(raw.file, r.__line, `"${column}" must be S or N, got "${v}"`);
}
