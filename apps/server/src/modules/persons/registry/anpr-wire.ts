/**
 * zod schemas of what ANPR answers (standards.md §5.2: RispostaE002OK / RispostaKO; C001 in our
 * approximated shape, docs/registry.md). Lenient on fields we do not use (unknown keys are dropped,
 * most fields may be absent or null), strict on the types of those we map: anything else is garbage
 * and becomes a `bad_response`.
 */
import { z } from 'zod';

const s = z.string().nullish();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish();
const flag = z.union([z.string(), z.boolean()]).nullish();

const comune = z.object({ nomeComune: s, codiceIstat: s, siglaProvinciaIstat: s, descrizioneLocalita: s }).nullish();
const localita = z.object({ descrizioneLocalita: s, descrizioneStato: s, codiceStato: s, provinciaContea: s }).nullish();
const luogo = z.object({ luogoEccezionale: s, comune, localita }).nullish();

export const generalita = z.object({
  codiceFiscale: z.object({ codFiscale: s, validitaCF: s, dataAttribuzioneValidita: date }).nullish(),
  cognome: s,
  senzaCognome: flag,
  nome: s,
  senzaNome: flag,
  sesso: z.enum(['M', 'F']).nullish(),
  dataNascita: date,
  senzaGiorno: flag,
  senzaGiornoMese: flag,
  luogoNascita: luogo,
  soggettoAIRE: s,
  idSchedaSoggettoANPR: s,
});

export const residenza = z.object({
  tipoIndirizzo: s,
  indirizzo: z.object({
    cap: s,
    comune,
    frazione: s,
    toponimo: z.object({ specie: s, denominazioneToponimo: s }).nullish(),
    numeroCivico: z.object({ numero: s, lettera: s, esponente1: s, metrico: s }).nullish(),
  }).nullish(),
  localitaEstera: z.object({
    indirizzoEstero: z.object({ cap: s, localita, toponimo: z.object({ denominazione: s, numeroCivico: s }).nullish() }).nullish(),
  }).nullish(),
  presso: s,
  dataDecorrenzaResidenza: date,
});

export const legameSoggetto = z.object({ tipoLegame: s, codiceLegame: s, progressivoComponente: s, dataDecorrenza: date, dataDecorrenzaLegame: date });

const membro = z.object({ generalita: generalita.nullish(), identificativi: z.object({ idANPR: s }).nullish(), legameSoggetto: legameSoggetto.nullish() });

export const datiSoggetto = z.object({
  generalita: generalita.nullish(),
  identificativi: z.object({ idANPR: s }).nullish(),
  residenza: z.array(residenza).nullish(),
  cittadinanza: z.array(z.object({ codiceStato: s, descrizioneStato: s })).nullish(),
  statoCivile: z.object({ statoCivile: s }).nullish(),
  datiDecesso: z.object({ dataEvento: date, luogoEvento: luogo }).nullish(),
  legameSoggetto: legameSoggetto.nullish(),
  infoSoggettoEnte: z.array(z.object({ id: s, chiave: s, valore: s })).nullish(),
  /** Our C001 extension: the famiglia at the time of the change. */
  famiglia: z.array(membro).nullish(),
});
export type DatiSoggetto = z.infer<typeof datiSoggetto>;

export const anomalia = z.object({
  codiceErroreAnomalia: s,
  tipoErroreAnomalia: s,
  testoErroreAnomalia: s,
  oggettoErroreAnomalia: s,
  campoErroreAnomalia: s,
});
export type Anomalia = z.infer<typeof anomalia>;

export const rispostaE002OK = z.object({
  idOperazioneANPR: s,
  listaSoggetti: z.object({ datiSoggetto: z.array(datiSoggetto) }),
  listaAnomalie: z.array(anomalia).nullish(),
});
export type RispostaE002OK = z.infer<typeof rispostaE002OK>;

export const rispostaKO = z.object({ idOperazioneANPR: s, listaErrori: z.array(anomalia).min(1) });

/** A GovWay problem (ModI or voucher checks failed before the e-service). */
export const govwayProblem = z.object({ title: s, detail: s, status: z.number().nullish(), govway_id: s });

export const tipoVariazione = z.enum(['RESIDENZA', 'FAMIGLIA', 'DECESSO', 'STATO_CIVILE', 'GENERALITA']);

export const rispostaVariazioni = z.object({
  idOperazioneANPR: s,
  listaVariazioni: z.array(z.object({
    progressivo: z.number().int(),
    idANPR: z.string().min(1),
    codiceFiscale: z.string().min(1),
    tipoVariazione,
    dataDecorrenza: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    dataRegistrazione: s,
    datiSoggetto,
  })),
  cursore: z.string().min(1),
  altreVariazioni: z.boolean(),
});
