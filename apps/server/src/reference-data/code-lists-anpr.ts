/**
 * ANPR code lists (italia/anpr, src/_static/xlsx/tab_*.xlsx as CSV; CC BY 4.0 Ministero
 * dell'Interno) and the two analyst-compiled lists kept beside them.
 */
import { codeListDataset, type CodeRow } from './code-list-dataset.js';
import { date, opt, req } from './csv.js';
import type { Dataset } from './dataset.js';

/** ANPR tables share `codice, descrizione, datainiziovalidita, datafinevalidita[, note]`. */
const ANPR_TABLES: ReadonlyArray<readonly [list: string, file: string]> = [
  ['anpr.relazione_parentela', 'anpr/anpr_relazione_parentela.csv'], // tabella 5
  ['anpr.stato_civile', 'anpr/anpr_stato_civile.csv'], // tabella 1
  ['anpr.tipo_soggiorno', 'anpr/anpr_tipo_soggiorno.csv'], // tabella 8
  ['anpr.titolo_studio', 'anpr/anpr_titolo_studio.csv'], // tabella 11
  ['anpr.posizione_professione', 'anpr/anpr_posizione_professione.csv'], // tabella 9
  ['anpr.condizione_non_professionale', 'anpr/anpr_condizione_non_professionale.csv'], // tabella 10
  ['anpr.tipi_cittadinanza', 'anpr/anpr_tipi_cittadinanza.csv'], // tabella 38
  ['anpr.tipo_indirizzo', 'anpr/anpr_tipo_indirizzo.csv'], // tabella 25
  ['anpr.motivi_iscrizione', 'anpr/anpr_motivi_iscrizione.csv'], // tabella 7
  ['anpr.motivi_cancellazione', 'anpr/anpr_motivi_cancellazione.csv'], // tabella 15
  ['anpr.specie_convivenza', 'anpr/anpr_specie_convivenza.csv'], // tabella 27
  ['anpr.legame_convivenza', 'anpr/anpr_legame_convivenza.csv'], // tabella 6
  ['anpr.stato_validazione_cf', 'anpr/anpr_stato_validazione_cf.csv'], // 1 validated, 9 not
];

export const anprCodeListDatasets: Dataset[] = [
  ...ANPR_TABLES.map(([list, file]) =>
    codeListDataset(list, file, 1, (raw, records) =>
      records.map(
        (r): CodeRow => ({
          list,
          code: req(raw, r, 'codice'),
          label: req(raw, r, 'descrizione'),
          // e.g. relazione_parentela 14/15/19/80 ended 2015-09-15, "Utilizzabile solo al subentro".
          extra: { note: opt(r, 'note') },
          validFrom: date(raw, r, 'datainiziovalidita'),
          validTo: date(raw, r, 'datafinevalidita', true),
        }),
      ),
    ),
  ),
  codeListDataset('anpr.eservizi_pdnd', 'anpr/anpr_eservizi_pdnd.csv', 1, (raw, records) =>
    records.map((r) => ({
      list: 'anpr.eservizi_pdnd',
      code: req(raw, r, 'caso_uso'),
      label: req(raw, r, 'descrizione'),
      extra: { servicePath: opt(r, 'nome_servizio_path'), observedSource: opt(r, 'fonte_osservata') },
    })),
  ),
  // Compiled by the analyst from D.Lgs. 286/1998 and related law: not an official code list.
  codeListDataset('siso.motivo_permesso_soggiorno', 'anpr/permesso_soggiorno_motivi_compilato.csv', 1, (raw, records) =>
    records.map((r) => ({
      list: 'siso.motivo_permesso_soggiorno',
      code: req(raw, r, 'codice_interno'),
      label: req(raw, r, 'motivo'),
      extra: { legalReference: opt(r, 'riferimento_normativo'), note: opt(r, 'note') },
    })),
  ),
];
