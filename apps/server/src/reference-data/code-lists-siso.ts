/**
 * SISO's own default lists of the intake desk (data/reference/siso/intake_codes.csv, written for this
 * project; see data/SOURCES.md) → ref_code lists `siso.<lista>`: needs and their classes, work
 * condition, education, housing, optional consents. A need carries its class in `extra.class`.
 */
import { codeListDataset } from './code-list-dataset.js';
import { opt, ReferenceDataError, req } from './csv.js';
import type { Dataset } from './dataset.js';

const lists = new Set(['classe_bisogno', 'bisogno', 'condizione_lavoro', 'titolo_studio', 'abitazione', 'consenso_facoltativo']);

export const sisoCodeListDatasets: Dataset[] = [
  codeListDataset('siso.intake_codes', 'siso/intake_codes.csv', 1, (raw, records) =>
    records.map((r) => {
      const list = req(raw, r, 'lista');
      if (!lists.has(list)) throw new ReferenceDataError(raw.file, r.__line, `unknown list "${list}"`);
      const cls = opt(r, 'classe');
      if (list === 'bisogno' && !cls) throw new ReferenceDataError(raw.file, r.__line, 'a need without its class');
      return { list: `siso.${list}`, code: req(raw, r, 'codice'), label: req(raw, r, 'descrizione'), extra: list === 'bisogno' ? { class: cls } : {} };
    }),
  ),
];
