/** Every dataset that lands in ref_code, in load order. */
import { anprCodeListDatasets } from './code-lists-anpr.js';
import { instrumentCodeListDatasets } from './code-lists-instruments.js';
import { siussIstatCodeListDatasets } from './code-lists-siuss-istat.js';
import { sisoCodeListDatasets } from './code-lists-siso.js';
import type { Dataset } from './dataset.js';

export const codeListDatasets: readonly Dataset[] = [
  ...anprCodeListDatasets,
  ...siussIstatCodeListDatasets,
  ...instrumentCodeListDatasets,
  ...sisoCodeListDatasets,
];
