/**
 * Assessment instruments → ref_code (no dedicated table: items and classes are small and
 * read-only; scoring rules live in code).
 * - Barthel Index (Mahoney & Barthel 1965): one row per item, `extra.levels` = allowed scores.
 * - Barthel classes (Shah, Vanclay & Cooper 1989): code "min-max" of the total score.
 * - SPMSQ (Pfeiffer 1975): questions, and classes by number of errors.
 */
import { codeListDataset, type CodeRow } from './code-list-dataset.js';
import { opt, ReferenceDataError, req, type CsvRecord, type RawFile } from './csv.js';
import type { Dataset } from './dataset.js';

function int(raw: RawFile, r: CsvRecord, column: string): number {
  const v = req(raw, r, column);
  const n = Number(v);
  if (!Number.isInteger(n)) throw new ReferenceDataError(raw.file, r.__line, `"${column}" is not an integer: "${v}"`);
  return n;
}

export const instrumentCodeListDatasets: Dataset[] = [
  codeListDataset('valutazione.barthel_index', 'valutazione/barthel_index.csv', 1, (raw, records) => {
    const items = new Map<number, { label: string; labelEn: string; levels: Array<{ score: number; description: string }> }>();
    for (const r of records) {
      const n = int(raw, r, 'n');
      const item = items.get(n) ?? { label: req(raw, r, 'item_it'), labelEn: req(raw, r, 'item_en'), levels: [] };
      item.levels.push({ score: int(raw, r, 'punteggio'), description: req(raw, r, 'descrizione_livello') });
      items.set(n, item);
    }
    return [...items].map(
      ([n, item]): CodeRow => ({
        list: 'valutazione.barthel_item',
        code: String(n),
        label: item.label,
        extra: { labelEn: item.labelEn, levels: item.levels, maxScore: Math.max(...item.levels.map((l) => l.score)) },
      }),
    );
  }),
  codeListDataset('valutazione.barthel_classi', 'valutazione/barthel_classi.csv', 1, (raw, records) =>
    records.map((r) => {
      const min = int(raw, r, 'min');
      const max = int(raw, r, 'max');
      return { list: 'valutazione.barthel_classe', code: `${min}-${max}`, label: req(raw, r, 'classe'), extra: { min, max, source: opt(r, 'fonte') } };
    }),
  ),
  codeListDataset('valutazione.spmsq_pfeiffer', 'valutazione/spmsq_pfeiffer.csv', 1, (raw, records) =>
    records.map((r) => ({
      list: 'valutazione.spmsq_domanda',
      code: String(int(raw, r, 'n')),
      label: req(raw, r, 'domanda'),
      extra: { note: opt(r, 'nota') },
    })),
  ),
  codeListDataset('valutazione.spmsq_classi', 'valutazione/spmsq_classi.csv', 1, (raw, records) =>
    records.map((r) => {
      const minErrors = int(raw, r, 'errori_min');
      const maxErrors = int(raw, r, 'errori_max');
      return {
        list: 'valutazione.spmsq_classe',
        code: `${minErrors}-${maxErrors}`,
        label: req(raw, r, 'classe'),
        extra: { minErrors, maxErrors, note: opt(r, 'nota') },
      };
    }),
  ),
];
