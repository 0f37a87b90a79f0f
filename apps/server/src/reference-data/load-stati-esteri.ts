/**
 * ANPR tabella 2 "Stati esteri" (italia/anpr, tab_Stati_Esteri.xlsx as CSV) with the derived
 * ISO 3166-1 numeric/alpha-2 columns → ref_stato_estero (key: 3-digit ISTAT/ANPR code).
 */
import { assertUniqueKeys, bulkUpsert, type BulkTable } from './bulk.js';
import { date, flag, opt, parseCsv, req, ReferenceDataError } from './csv.js';
import type { Dataset } from './dataset.js';

const table: BulkTable = {
  table: 'ref_stato_estero',
  key: ['code'],
  columns: [
    { name: 'code', type: 'text' },
    { name: 'anpr_id', type: 'int' },
    { name: 'belfiore', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'name_istat', type: 'text' },
    { name: 'name_en', type: 'text' },
    { name: 'iso_alpha3', type: 'text' },
    { name: 'iso_alpha2', type: 'text' },
    { name: 'iso_numeric', type: 'smallint' },
    { name: 'mae_code', type: 'text' },
    { name: 'min_code', type: 'text' },
    { name: 'kind', type: 'text' },
    { name: 'sovereign_iso_alpha3', type: 'text' },
    { name: 'citizenship_allowed', type: 'boolean' },
    { name: 'birth_allowed', type: 'boolean' },
    { name: 'residence_allowed', type: 'boolean' },
    { name: 'valid_from', type: 'date' },
    { name: 'valid_to', type: 'date' },
    { name: 'source', type: 'text' },
    { name: 'source_updated_on', type: 'date' },
  ],
};

/** Row 197 ("Riconosciuti non cittadini", ISTAT 888) has empty flags: treat as "N". */
function flagOrNo(raw: Parameters<typeof flag>[0], r: Parameters<typeof flag>[1], column: string): boolean {
  return opt(r, column) === null ? false : flag(raw, r, column);
}

export const statiEsteriDataset: Dataset = {
  name: 'anpr.stati_esteri',
  file: 'anpr/anpr_stati_esteri.csv',
  version: 1,
  async load(client, raw) {
    const rows = parseCsv(raw).map((r) => {
      const name = opt(r, 'denominazione') ?? opt(r, 'denominazioneistat');
      if (!name) throw new ReferenceDataError(raw.file, r.__line, 'no name');
      const iso = opt(r, 'iso3166_numeric_derivato');
      return [
        req(raw, r, 'codistat'),
        Number(req(raw, r, 'id')),
        opt(r, 'codat'),
        name,
        opt(r, 'denominazioneistat'),
        opt(r, 'denominazioneistat_en'),
        opt(r, 'codiso3166_1_alpha3'),
        opt(r, 'iso3166_alpha2_derivato'),
        iso === null ? null : Number(iso),
        opt(r, 'codmae'),
        opt(r, 'codmin'),
        opt(r, 'tipo'),
        opt(r, 'codisosovrano'),
        flagOrNo(raw, r, 'cittadinanza'),
        flagOrNo(raw, r, 'nascita'),
        flagOrNo(raw, r, 'residenza'),
        date(raw, r, 'datainiziovalidita'),
        date(raw, r, 'datafinevalidita', true),
        opt(r, 'fonte'),
        date(raw, r, 'dataultimoagg'),
      ];
    });
    assertUniqueKeys(raw.file, table, rows);
    await bulkUpsert(client, table, rows);
    await client.query('DELETE FROM ref_stato_estero WHERE NOT (code = ANY($1::text[]))', [rows.map((r) => r[0])]);
    return rows.length;
  },
};
