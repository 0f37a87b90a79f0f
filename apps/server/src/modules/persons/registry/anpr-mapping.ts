/**
 * ANPR answers → SISO's neutral `RegistryPerson` (@siso/shared). Codes pass through unchanged so
 * that they map without translation (standards.md §5.4): ISTAT codes for comuni (6 digits) and
 * states (3 digits, Italia = 100), ANPR stato civile (tabella 1) and relazione di parentela
 * (tabella 5, relative to the intestatario scheda). Names stay as ANPR writes them (upper case).
 */
import type { RegistryPerson } from '@siso/shared';
import type { Anomalia, DatiSoggetto } from './anpr-wire.js';

type Generalita = NonNullable<DatiSoggetto['generalita']>;
type Residenza = NonNullable<DatiSoggetto['residenza']>[number];

const pad = (v: string | null | undefined, n: number) => (v ? v.trim().padStart(n, '0') : null);
const set = (v: unknown) => v === true || v === 'S' || v === 's' || v === '1' || v === 'true';
const clean = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

function residence(list: DatiSoggetto['residenza']): RegistryPerson['residence'] {
  // The current residence: tipo indirizzo 1 with the latest dataDecorrenzaResidenza.
  const sorted = [...(list ?? [])].filter((r) => !r.tipoIndirizzo || r.tipoIndirizzo === '1')
    .sort((a, b) => (b.dataDecorrenzaResidenza ?? '').localeCompare(a.dataDecorrenzaResidenza ?? ''));
  const r: Residenza | undefined = sorted[0];
  if (!r) return null;
  if (r.indirizzo) {
    const i = r.indirizzo;
    const n = i.numeroCivico;
    const civic = n?.numero ? [n.numero, n.lettera, n.esponente1].filter(Boolean).join('/') : (clean(n?.metrico) ?? null);
    return {
      street: [i.toponimo?.specie, i.toponimo?.denominazioneToponimo].filter(Boolean).join(' ').trim(),
      civic,
      postalCode: clean(i.cap),
      comuneIstat: pad(i.comune?.codiceIstat, 6),
      comuneName: clean(i.comune?.nomeComune),
      stateCode: null,
      validFrom: r.dataDecorrenzaResidenza ?? null,
    };
  }
  const e = r.localitaEstera?.indirizzoEstero;
  if (!e) return null;
  return {
    street: clean(e.toponimo?.denominazione) ?? '',
    civic: clean(e.toponimo?.numeroCivico),
    postalCode: clean(e.cap),
    comuneIstat: null,
    comuneName: clean(e.localita?.descrizioneLocalita),
    stateCode: pad(e.localita?.codiceStato, 3),
    validFrom: r.dataDecorrenzaResidenza ?? null,
  };
}

function household(members: Array<{ generalita?: Generalita | null; legameSoggetto?: DatiSoggetto['legameSoggetto'] }> | null | undefined): RegistryPerson['household'] {
  return (members ?? []).map((m) => ({
    fiscalCode: clean(m.generalita?.codiceFiscale?.codFiscale),
    surname: set(m.generalita?.senzaCognome) ? null : clean(m.generalita?.cognome),
    name: set(m.generalita?.senzaNome) ? null : clean(m.generalita?.nome),
    birthDate: m.generalita?.dataNascita ?? null,
    relationship: clean(m.legameSoggetto?.codiceLegame),
  }));
}

export interface AnprParts {
  fiscalCode: string;
  anprId: string | null;
  /** Generalità (C015, or a feed snapshot). */
  identity?: DatiSoggetto | null;
  /** Residence (C020). */
  residence?: DatiSoggetto | null;
  /** The famiglia (C021 datiSoggetto[], or the feed snapshot's `famiglia`). */
  family?: DatiSoggetto[] | null;
}

/** Builds the neutral record from whatever e-services answered. */
export function toRegistryPerson(p: AnprParts): RegistryPerson {
  const self = p.family?.find((m) => (p.anprId && m.identificativi?.idANPR === p.anprId) || m.generalita?.codiceFiscale?.codFiscale === p.fiscalCode);
  const g: Generalita | null | undefined = p.identity?.generalita ?? p.residence?.generalita ?? self?.generalita;
  const birth = g?.luogoNascita;
  const birthComune = pad(birth?.comune?.codiceIstat, 6);
  const death = p.identity?.datiDecesso ?? p.residence?.datiDecesso;
  return {
    fiscalCode: clean(g?.codiceFiscale?.codFiscale) ?? p.fiscalCode,
    fiscalCodeValidated: g?.codiceFiscale?.validitaCF === '1',
    anprId: clean(p.identity?.identificativi?.idANPR) ?? clean(p.residence?.identificativi?.idANPR) ?? p.anprId,
    surname: set(g?.senzaCognome) ? null : clean(g?.cognome),
    name: set(g?.senzaNome) ? null : clean(g?.nome),
    sex: g?.sesso ?? null,
    // A date without day or month (senzaGiorno / senzaGiornoMese) is not a date we can store.
    birthDate: set(g?.senzaGiorno) || set(g?.senzaGiornoMese) ? null : (g?.dataNascita ?? null),
    birthComuneIstat: birthComune,
    birthStateCode: birthComune ? null : pad(birth?.localita?.codiceStato, 3),
    birthPlaceName: clean(birth?.comune?.nomeComune) ?? clean(birth?.localita?.descrizioneStato) ?? clean(birth?.luogoEccezionale),
    citizenships: (p.identity?.cittadinanza ?? []).map((c) => pad(c.codiceStato, 3)).filter((c): c is string => c !== null),
    civilStatus: clean(p.identity?.statoCivile?.statoCivile),
    dateOfDeath: death?.dataEvento ?? null,
    residence: p.residence ? residence(p.residence.residenza) : null,
    household: household(p.family),
  };
}

/** ANPR anomalies as warnings for the operator (§5.2: e.g. "search by idANPR"). */
export function anomalyWarnings(list: Anomalia[] | null | undefined): string[] {
  return (list ?? []).map((a) => `ANPR${a.codiceErroreAnomalia ? ` ${a.codiceErroreAnomalia}` : ''}: ${a.testoErroreAnomalia ?? 'anomalia senza descrizione'}`);
}
