/**
 * The service catalogue (data/reference/siso/service_catalogue.csv → table service_catalogue, issue 5):
 * the desk services of the original (UdC requests 79–82, 176, 177) and the SIUSS prestazioni codes.
 * Upserts code, label, SIUSS code, user area, desk flag and order; never touches `enabled`, which the
 * region sets, and never deletes a code (service requests keep referring to it).
 */
import { assertUniqueKeys, bulkUpsert, type BulkTable } from './bulk.js';
import { cleanLabel } from './code-list-dataset.js';
import { flag, opt, parseCsv, req } from './csv.js';
import type { Dataset } from './dataset.js';

const table: BulkTable = {
  table: 'service_catalogue',
  key: ['code'],
  columns: [
    { name: 'code', type: 'text' },
    { name: 'label', type: 'text' },
    { name: 'siuss_code', type: 'text' },
    { name: 'user_area', type: 'text' },
    { name: 'desk_service', type: 'boolean' },
    { name: 'sort', type: 'int' },
  ],
};

export const serviceCatalogueDataset: Dataset = {
  name: 'siso.service_catalogue',
  file: 'siso/service_catalogue.csv',
  version: 1,
  async load(client, raw) {
    const rows = parseCsv(raw).map((r, i) => [
      req(raw, r, 'codice'), cleanLabel(req(raw, r, 'descrizione')), opt(r, 'codice_siuss'), opt(r, 'area_utenza'), flag(raw, r, 'servizio_sportello'), i + 1,
    ]);
    assertUniqueKeys(raw.file, table, rows);
    await bulkUpsert(client, table, rows);
    return rows.length;
  },
};
