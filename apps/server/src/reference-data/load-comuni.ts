/**
 * ANPR municipality archive (italia/anpr, src/archivi/ANPR_archivio_comuni.csv, CC BY 4.0
 * Ministero dell'Interno) → ref_comune, keeping every historic row (key: ANPR ID).
 */
import { assertUniqueKeys, bulkUpsert, type BulkTable } from './bulk.js';
import { date, opt, parseCsv, req, ReferenceDataError } from './csv.js';
import type { Dataset } from './dataset.js';

const table: BulkTable = {
  table: 'ref_comune',
  key: ['anpr_id'],
  columns: [
    { name: 'anpr_id', type: 'int' },
    { name: 'belfiore', type: 'text' },
    { name: 'istat_code', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'name_translit', type: 'text' },
    { name: 'alt_name', type: 'text' },
    { name: 'alt_name_translit', type: 'text' },
    { name: 'province_code', type: 'text' },
    { name: 'province_istat_code', type: 'text' },
    { name: 'region_code', type: 'text' },
    { name: 'prefecture_code', type: 'text' },
    { name: 'valid_from', type: 'date' },
    { name: 'valid_to', type: 'date' },
    { name: 'status', type: 'text' },
    { name: 'source', type: 'text' },
    { name: 'name_code', type: 'text' },
    { name: 'source_updated_on', type: 'date' },
  ],
};

export const comuniDataset: Dataset = {
  name: 'anpr.comuni',
  file: 'anpr/anpr_comuni_storico.csv',
  version: 1,
  async load(client, raw) {
    const rows = parseCsv(raw).map((r) => {
      const id = Number(req(raw, r, 'ID'));
      if (!Number.isInteger(id)) throw new ReferenceDataError(raw.file, r.__line, `bad ID "${r.ID}"`);
      const belfiore = req(raw, r, 'CODCATASTALE');
      return [
        id,
        // "ND" (non disponibile) marks 28 historic rows without a cadastral code.
        belfiore === 'ND' ? null : belfiore,
        req(raw, r, 'CODISTAT'),
        req(raw, r, 'DENOMINAZIONE_IT'),
        req(raw, r, 'DENOMTRASLITTERATA'),
        opt(r, 'ALTRADENOMINAZIONE'),
        opt(r, 'ALTRADENOMTRASLITTERATA'),
        req(raw, r, 'SIGLAPROVINCIA'),
        req(raw, r, 'IDPROVINCIAISTAT'),
        req(raw, r, 'IDREGIONE'),
        opt(r, 'IDPREFETTURA'),
        date(raw, r, 'DATAISTITUZIONE'),
        date(raw, r, 'DATACESSAZIONE', true),
        req(raw, r, 'STATO'),
        opt(r, 'FONTE'),
        opt(r, 'COD_DENOM'),
        date(raw, r, 'DATAULTIMOAGG'),
      ];
    });
    assertUniqueKeys(raw.file, table, rows);
    await bulkUpsert(client, table, rows);
    await client.query('DELETE FROM ref_comune WHERE NOT (anpr_id = ANY($1::int[]))', [rows.map((r) => r[0])]);
    // Fresh statistics right away, so name searches use the trigram index without waiting for
    // autovacuum (ANALYZE is allowed inside a transaction).
    await client.query('ANALYZE ref_comune');
    return rows.length;
  },
};
