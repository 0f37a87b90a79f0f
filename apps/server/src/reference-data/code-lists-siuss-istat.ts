/**
 * SIUSS enumerations (INPS XSDs PS_PSA_SINA201812.xsd and SINBA.xsd, INPS-it/WaaS.Comuni, MIT),
 * ISTAT classifications, ISEE tables (DPCM 159/2013) and codice fiscale tables (D.M. Finanze
 * 23/12/1976) → ref_code.
 */
import { codeListDataset, type CodeRow } from './code-list-dataset.js';
import { opt, ReferenceDataError, req } from './csv.js';
import type { Dataset } from './dataset.js';

const yes = (v: string | null): boolean | null => (v === null ? null : v === 'S');

export const siussIstatCodeListDatasets: Dataset[] = [
  // One list per XSD enumeration type, named after the type: siuss.AreaUtenzaType, …
  codeListDataset('siuss.codelists', 'siuss/siuss_codelists.csv', 1, (raw, records) =>
    records.map((r) => ({
      list: `siuss.${req(raw, r, 'tipo_xsd')}`,
      code: req(raw, r, 'codice'),
      label: req(raw, r, 'descrizione'),
      extra: { flow: req(raw, r, 'flusso'), fields: req(raw, r, 'campi').split('|') },
    })),
  ),
  // Partial list of CodicePrestazione values observed in public code; most labels unknown.
  codeListDataset('siuss.prestazioni', 'siuss/siuss_prestazioni_codici_osservati.csv', 1, (raw, records) =>
    records.map((r) => ({
      list: 'siuss.CodicePrestazione',
      code: req(raw, r, 'codice'),
      label: opt(r, 'denominazione_osservata'),
      extra: {
        observedSource: opt(r, 'fonte'),
        inIseeWsEnum: yes(opt(r, 'in_enum_isee_ws_siso')),
        inSinaList: yes(opt(r, 'in_lista_sina_siso')),
        note: opt(r, 'nota'),
        official: false,
      },
    })),
  ),
  codeListDataset('istat.regioni', 'istat/regioni.csv', 1, (raw, records) => {
    const regions: CodeRow[] = records.map((r) => ({
      list: 'istat.regione',
      code: req(raw, r, 'codice_regione'),
      label: req(raw, r, 'denominazione'),
      extra: { ripartizioneCode: req(raw, r, 'codice_ripartizione'), ripartizione: req(raw, r, 'ripartizione') },
    }));
    const areas = new Map<string, string>();
    for (const r of records) areas.set(req(raw, r, 'codice_ripartizione'), req(raw, r, 'ripartizione'));
    const ripartizioni = [...areas].sort(([a], [b]) => a.localeCompare(b));
    return [...regions, ...ripartizioni.map(([code, label]) => ({ list: 'istat.ripartizione', code, label }))];
  }),
  codeListDataset('istat.variazioni_post_2023', 'istat/comuni_variazioni_dopo_2023.csv', 1, (raw, records) =>
    records.map((r) => ({
      list: 'istat.variazione_comune_post_2023',
      code: req(raw, r, 'codice_catastale'),
      label: req(raw, r, 'denominazione'),
      extra: { provinceCode: req(raw, r, 'sigla_provincia'), change: req(raw, r, 'variazione') },
    })),
  ),
  codeListDataset('istat.aree_utenza', 'nomenclatore/aree_utenza_istat.csv', 1, (raw, records) =>
    records.map((r) => ({
      list: 'istat.area_utenza',
      code: req(raw, r, 'codice'),
      label: req(raw, r, 'area_utenza'),
      // Indicative mapping to SIUSS AreaUtenzaType (1/2/3) proposed by the analyst.
      extra: { siussAreaUtenza: opt(r, 'area_utenza_siuss_codice'), note: opt(r, 'nota') },
    })),
  ),
  codeListDataset('istat.macro_aree', 'nomenclatore/macro_aree_istat.csv', 1, (raw, records) =>
    records.map((r) => ({
      list: 'istat.macro_area',
      code: req(raw, r, 'codice'),
      label: req(raw, r, 'macro_area'),
      extra: { description: opt(r, 'descrizione') },
    })),
  ),
  codeListDataset('isee.tipologie', 'isee/isee_tipologie.csv', 1, (raw, records) =>
    records.map((r) => ({
      list: 'isee.tipologia',
      code: req(raw, r, 'codice'),
      label: req(raw, r, 'tipologia'),
      extra: { typicalUse: opt(r, 'uso_tipico'), note: opt(r, 'note') },
    })),
  ),
  // Allegato 1 DPCM 159/2013: base parameters by household size, then increments ("+0.35").
  codeListDataset('isee.scala_equivalenza', 'isee/isee_scala_equivalenza.csv', 1, (raw, records) =>
    records.map((r) => {
      const p = req(raw, r, 'parametro');
      const parameter = Number(p.replace('+', ''));
      if (!Number.isFinite(parameter)) throw new ReferenceDataError(raw.file, r.__line, `bad parametro "${p}"`);
      const code = req(raw, r, 'componenti_nucleo');
      return { list: 'isee.scala_equivalenza', code, label: code, extra: { parameter, increment: p.startsWith('+'), note: opt(r, 'note') } };
    }),
  ),
  codeListDataset('cf.mesi', 'codice_fiscale/cf_mesi.csv', 1, (raw, records) =>
    records.map((r) => ({ list: 'cf.mese', code: req(raw, r, 'mese'), label: req(raw, r, 'lettera') })),
  ),
  codeListDataset('cf.omocodia', 'codice_fiscale/cf_omocodia.csv', 1, (raw, records) =>
    records.map((r) => ({ list: 'cf.omocodia', code: req(raw, r, 'cifra'), label: req(raw, r, 'lettera_sostitutiva') })),
  ),
  codeListDataset('cf.posizioni_omocodia', 'codice_fiscale/cf_posizioni_omocodia.csv', 1, (raw, records) =>
    records.map((r) => ({
      list: 'cf.posizione_omocodia',
      code: req(raw, r, 'ordine_sostituzione'),
      label: req(raw, r, 'significato'),
      extra: { position: Number(req(raw, r, 'posizione_1based')) },
    })),
  ),
  codeListDataset('cf.carattere_controllo', 'codice_fiscale/cf_carattere_controllo.csv', 1, (raw, records) =>
    records.map((r) => ({
      list: 'cf.carattere_controllo',
      code: req(raw, r, 'carattere'),
      label: null,
      extra: { odd: Number(req(raw, r, 'valore_posizione_dispari')), even: Number(req(raw, r, 'valore_posizione_pari')) },
    })),
  ),
  codeListDataset('cf.resto_lettera', 'codice_fiscale/cf_resto_lettera.csv', 1, (raw, records) =>
    records.map((r) => ({ list: 'cf.resto_lettera', code: req(raw, r, 'resto'), label: req(raw, r, 'lettera') })),
  ),
];
