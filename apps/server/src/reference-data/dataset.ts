import type pg from 'pg';
import type { RawFile } from './csv.js';

/** One vendored file and how it lands in the ref_* tables. */
export interface Dataset {
  /** Key in ref_dataset, e.g. 'anpr.comuni'. */
  name: string;
  /** Path under data/reference/. */
  file: string;
  /**
   * Mapping version: bump it when the code that maps this file changes, so that databases
   * holding the same file (same SHA-256) reload it.
   */
  version: number;
  /** Writes the rows (upsert + delete of rows no longer in the file); returns rows written. */
  load(client: pg.PoolClient, raw: RawFile): Promise<number>;
}
