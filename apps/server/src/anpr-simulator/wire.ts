/**
 * ANPR wire shapes the simulator answers with (standards.md §5.2, RispostaE002OK / RispostaKO),
 * built from a resident. Each e-service returns only its own part of the record (data
 * minimisation, §5.3): C030 the idANPR, C015 generalità (with citizenship, stato civile and death —
 * our approximation, see docs/registry.md), C020 residence, C021 the famiglia with legameSoggetto,
 * C003 field-by-field verification (infoSoggettoEnte).
 */
import type { RegistryPerson } from '@siso/shared';
import type { ResidentStore, SimPlace, SimResident } from './residents.js';
import { loadReference } from './reference.js';

/** E-service path names (standards.md §5.3, `anpr_eservizi_pdnd.csv`; C015/C020 ◐ from public code). */
export const SIM_SERVICES: Readonly<Record<string, string>> = {
  'C001-servizioNotifica': 'C001',
  'C003-servizioVerificaDichGeneralita': 'C003',
  'C015-servizioAccertamentoGeneralita': 'C015',
  'C020-servizioAccertamentoResidenza': 'C020',
  'C021-servizioAccertamentoStatoFamiglia': 'C021',
  'C030-servizioAccertamentoIdUnicoNazionale': 'C030',
};

type Json = Record<string, unknown>;

function luogo(p: SimPlace): Json {
  if (p.comuneIstat || p.comuneName) {
    return { comune: { nomeComune: p.comuneName, codiceIstat: p.comuneIstat, siglaProvinciaIstat: p.province } };
  }
  return { localita: { descrizioneStato: p.stateName, codiceStato: p.stateCode } };
}

export function generalita(r: SimResident): Json {
  return {
    codiceFiscale: { codFiscale: r.fiscalCode, validitaCF: r.fiscalCodeValidated ? '1' : '9', dataAttribuzioneValidita: r.relationshipSince },
    cognome: r.surname,
    nome: r.name,
    sesso: r.sex,
    dataNascita: r.birthDate,
    luogoNascita: luogo(r.birthPlace),
    idSchedaSoggettoANPR: r.idANPR.replace(/[A-Z]/g, '').padStart(9, '1'),
  };
}

export function residenza(r: SimResident): Json[] {
  const a = r.residence;
  const [numero, lettera] = (a.civic ?? '').split('/');
  if (a.stateCode) {
    return [{
      tipoIndirizzo: '1',
      localitaEstera: {
        indirizzoEstero: {
          cap: a.postalCode,
          localita: { descrizioneLocalita: a.locality, descrizioneStato: a.stateName, codiceStato: a.stateCode },
          toponimo: { denominazione: `${a.specie} ${a.denominazione}`.trim(), numeroCivico: a.civic },
        },
      },
      dataDecorrenzaResidenza: a.since,
    }];
  }
  return [{
    tipoIndirizzo: '1',
    indirizzo: {
      cap: a.postalCode,
      comune: { nomeComune: a.comuneName, codiceIstat: a.comuneIstat, siglaProvinciaIstat: a.province },
      ...(a.locality ? { frazione: a.locality } : {}),
      toponimo: { specie: a.specie, denominazioneToponimo: a.denominazione },
      numeroCivico: { numero: numero || null, ...(lettera ? { lettera } : {}) },
    },
    dataDecorrenzaResidenza: a.since,
  }];
}

function cittadinanza(r: SimResident): Json[] {
  const ref = loadReference();
  return r.citizenships.map((c) => ({ codiceStato: c, descrizioneStato: ref.stateByIstat(c)?.name ?? null }));
}

function decesso(r: SimResident): Json | undefined {
  return r.death ? { dataEvento: r.death.date, luogoEvento: luogo(r.death.place) } : undefined;
}

function legame(r: SimResident, index: number): Json {
  return { tipoLegame: '1', codiceLegame: r.relationship, progressivoComponente: String(index + 1), dataDecorrenza: r.relationshipSince, dataDecorrenzaLegame: r.relationshipSince };
}

const identificativi = (r: SimResident) => ({ idANPR: r.idANPR });

/** datiSoggetto[] of one e-service answer. */
export function datiSoggetto(code: string, r: SimResident, store: ResidentStore, verifica?: Json): Json[] {
  const dec = decesso(r);
  switch (code) {
    case 'C030':
      return [{ identificativi: identificativi(r) }];
    case 'C015':
      return [{ generalita: generalita(r), identificativi: identificativi(r), cittadinanza: cittadinanza(r), statoCivile: { statoCivile: r.civilStatus }, ...(dec ? { datiDecesso: dec } : {}) }];
    case 'C020':
      return [{ generalita: generalita(r), identificativi: identificativi(r), residenza: residenza(r), ...(dec ? { datiDecesso: dec } : {}) }];
    case 'C021':
      return store.household(r.idANPR).map((m, i) => ({ generalita: generalita(m), identificativi: identificativi(m), legameSoggetto: legame(m, i) }));
    case 'C003':
      return [{ identificativi: identificativi(r), infoSoggettoEnte: verify(r, verifica) }];
    default:
      return [];
  }
}

/** C003: each declared field of `verifica.generalita` answered S (matches) or N. */
function verify(r: SimResident, verifica: Json | undefined): Json[] {
  const g = (verifica?.generalita ?? {}) as Json;
  const checks: Array<[string, unknown, string]> = [
    ['cognome', g.cognome, r.surname],
    ['nome', g.nome, r.name],
    ['sesso', g.sesso, r.sex],
    ['dataNascita', g.dataNascita, r.birthDate],
  ];
  return checks
    .filter(([, declared]) => typeof declared === 'string')
    .map(([chiave, declared, actual], i) => ({ id: String(i + 1), chiave, valore: String(declared).toUpperCase() === actual.toUpperCase() ? 'S' : 'N' }));
}

/** A C001 feed entry's snapshot: the subject's whole record plus its famiglia (our extension). */
export function snapshot(r: SimResident, store: ResidentStore): Json {
  const dec = decesso(r);
  return {
    generalita: generalita(r),
    identificativi: identificativi(r),
    residenza: residenza(r),
    cittadinanza: cittadinanza(r),
    statoCivile: { statoCivile: r.civilStatus },
    ...(dec ? { datiDecesso: dec } : {}),
    famiglia: store.household(r.idANPR).map((m, i) => ({ generalita: generalita(m), identificativi: identificativi(m), legameSoggetto: legame(m, i) })),
  };
}

/** The neutral shape, for the municipal registry contract (docs/registry.md). */
export function registryPerson(r: SimResident, store: ResidentStore): RegistryPerson {
  const a = r.residence;
  return {
    fiscalCode: r.fiscalCode,
    fiscalCodeValidated: r.fiscalCodeValidated,
    anprId: r.idANPR,
    surname: r.surname,
    name: r.name,
    sex: r.sex,
    birthDate: r.birthDate,
    birthComuneIstat: r.birthPlace.comuneIstat,
    birthStateCode: r.birthPlace.stateCode,
    birthPlaceName: r.birthPlace.comuneName ?? r.birthPlace.stateName,
    citizenships: [...r.citizenships],
    civilStatus: r.civilStatus,
    dateOfDeath: r.death?.date ?? null,
    residence: {
      street: `${a.specie} ${a.denominazione}`.trim(),
      civic: a.civic,
      postalCode: a.postalCode,
      comuneIstat: a.comuneIstat,
      comuneName: a.comuneName,
      stateCode: a.stateCode,
      validFrom: a.since,
    },
    household: store.household(r.idANPR).map((m) => ({ fiscalCode: m.fiscalCode, surname: m.surname, name: m.name, birthDate: m.birthDate, relationship: m.relationship })),
  };
}
