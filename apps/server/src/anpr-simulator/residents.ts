/**
 * The simulator's resident population: one record per person as ANPR would hold it (idANPR,
 * generalità, residence, citizenships, stato civile, death) and the famiglia anagrafica each belongs
 * to, with the ANPR relazione di parentela code (tabella 5) of each member to the intestatario.
 * In memory only; the admin API (`/__sim/`, `residents` in the handle) edits it.
 */
import type { Sex } from '@siso/shared';

export interface SimPlace {
  comuneIstat: string | null;
  comuneName: string | null;
  province: string | null;
  /** ISTAT state code when abroad (null in Italy). */
  stateCode: string | null;
  stateName: string | null;
}

export interface SimAddress extends SimPlace {
  /** Toponimo: specie ("VIA") and denominazione ("GIUSEPPE GARIBALDI"). */
  specie: string;
  denominazione: string;
  civic: string | null;
  postalCode: string | null;
  /** Locality abroad (AIRE) or frazione. */
  locality: string | null;
  /** dataDecorrenzaResidenza. */
  since: string;
}

export interface SimResident {
  idANPR: string;
  fiscalCode: string;
  /** validitaCF 1 (validated by the Agenzia delle Entrate) or 9. */
  fiscalCodeValidated: boolean;
  surname: string;
  name: string;
  sex: Sex;
  birthDate: string;
  birthPlace: SimPlace;
  /** ISTAT state codes (Italia = 100). */
  citizenships: string[];
  /** ANPR stato civile (tabella 1). */
  civilStatus: string;
  death: { date: string; place: SimPlace } | null;
  householdId: string;
  /** ANPR relazione di parentela with the intestatario scheda ('1' = the intestatario). */
  relationship: string;
  relationshipSince: string;
  residence: SimAddress;
}

/** What the admin API accepts for a new or updated resident. */
export interface ResidentInput {
  fiscalCode: string;
  idANPR?: string;
  fiscalCodeValidated?: boolean;
  surname?: string;
  name?: string;
  sex?: Sex;
  birthDate?: string;
  birthPlace?: Partial<SimPlace>;
  citizenships?: string[];
  civilStatus?: string;
  death?: { date: string; place?: Partial<SimPlace> } | null;
  /** Join the famiglia of this resident (fiscal code or idANPR); default: a new famiglia. */
  householdOf?: string;
  relationship?: string;
  residence?: Partial<SimAddress>;
}

const NO_PLACE: SimPlace = { comuneIstat: null, comuneName: null, province: null, stateCode: null, stateName: null };

export class ResidentStore {
  private readonly byFiscalCode = new Map<string, SimResident>();
  private readonly byId = new Map<string, SimResident>();
  private readonly households = new Map<string, Set<string>>();
  private nextHousehold = 1;
  private nextId = 1;

  /**
   * `fill` generates the residents at the first use of the store, not when the simulator starts: the
   * demo server starts it at every boot, and parsing the comuni archive and generating 2,000 people
   * was a visible part of a start (issue 11, bench/platform).
   */
  constructor(
    private readonly today: () => string,
    private fill?: (store: ResidentStore) => void,
  ) {}

  private filled(): this {
    const fill = this.fill;
    this.fill = undefined;
    fill?.(this);
    return this;
  }

  /** By fiscal code or idANPR. */
  get(key: string): SimResident | undefined {
    this.filled();
    const k = key.trim().toUpperCase();
    return this.byFiscalCode.get(k) ?? this.byId.get(k);
  }

  list(): SimResident[] {
    this.filled();
    return [...this.byId.values()];
  }

  get size(): number {
    return this.filled().byId.size;
  }

  /** The famiglia anagrafica of a resident, intestatario first (deceased members excluded). */
  household(key: string): SimResident[] {
    const r = this.get(key);
    if (!r) return [];
    const ids = this.households.get(r.householdId) ?? new Set([r.idANPR]);
    return [...ids]
      .map((id) => this.byId.get(id))
      .filter((m): m is SimResident => Boolean(m) && (!m?.death || m.idANPR === r.idANPR))
      .sort((a, b) => Number(a.relationship !== '1') - Number(b.relationship !== '1') || a.birthDate.localeCompare(b.birthDate));
  }

  newHouseholdId(): string {
    this.filled();
    return `F${String(this.nextHousehold++).padStart(7, '0')}`;
  }

  /** A fresh idANPR: two letters, five digits, two letters (the shape of ANPR's test subjects). */
  newIdAnpr(): string {
    this.filled();
    for (;;) {
      const n = this.nextId++;
      const L = (i: number) => String.fromCharCode(65 + (Math.floor(n * 7919 / 26 ** i) % 26));
      const id = `${L(0)}${L(1)}${String((n * 48271) % 100000).padStart(5, '0')}${L(2)}${L(3)}`;
      if (!this.byId.has(id)) return id;
    }
  }

  /** Inserts or replaces a complete resident (keeps the household index in step). */
  put(r: SimResident): SimResident {
    this.filled();
    const old = this.byId.get(r.idANPR) ?? this.byFiscalCode.get(r.fiscalCode);
    if (old) {
      this.byFiscalCode.delete(old.fiscalCode);
      this.byId.delete(old.idANPR);
      this.households.get(old.householdId)?.delete(old.idANPR);
    }
    this.byFiscalCode.set(r.fiscalCode, r);
    this.byId.set(r.idANPR, r);
    const set = this.households.get(r.householdId) ?? new Set<string>();
    set.add(r.idANPR);
    this.households.set(r.householdId, set);
    return r;
  }

  /** Creates a resident from partial data, or updates the one with that fiscal code / idANPR. */
  upsert(input: ResidentInput): SimResident {
    this.filled();
    const fiscalCode = input.fiscalCode.trim().toUpperCase();
    const old = this.get(fiscalCode) ?? (input.idANPR ? this.get(input.idANPR) : undefined);
    const head = input.householdOf ? this.get(input.householdOf) : undefined;
    if (input.householdOf && !head) throw new Error(`householdOf: nessun residente ${input.householdOf}`);
    const base: SimResident = old ?? {
      idANPR: input.idANPR ?? this.newIdAnpr(),
      fiscalCode,
      fiscalCodeValidated: true,
      surname: '',
      name: '',
      sex: 'M',
      birthDate: '1970-01-01',
      birthPlace: NO_PLACE,
      citizenships: ['100'],
      civilStatus: '1',
      death: null,
      householdId: head?.householdId ?? this.newHouseholdId(),
      relationship: head ? '99' : '1',
      relationshipSince: this.today(),
      residence: head?.residence ?? { ...NO_PLACE, specie: 'VIA', denominazione: 'ROMA', civic: '1', postalCode: null, locality: null, since: this.today() },
    };
    const next: SimResident = {
      ...base,
      fiscalCode,
      ...(input.idANPR ? { idANPR: input.idANPR } : {}),
      ...(input.fiscalCodeValidated !== undefined ? { fiscalCodeValidated: input.fiscalCodeValidated } : {}),
      ...(input.surname !== undefined ? { surname: input.surname.toUpperCase() } : {}),
      ...(input.name !== undefined ? { name: input.name.toUpperCase() } : {}),
      ...(input.sex ? { sex: input.sex } : {}),
      ...(input.birthDate ? { birthDate: input.birthDate } : {}),
      ...(input.birthPlace ? { birthPlace: { ...base.birthPlace, ...input.birthPlace } } : {}),
      ...(input.citizenships ? { citizenships: input.citizenships } : {}),
      ...(input.civilStatus ? { civilStatus: input.civilStatus } : {}),
      ...(input.death !== undefined
        ? { death: input.death ? { date: input.death.date, place: { ...NO_PLACE, ...input.death.place } } : null }
        : {}),
      ...(head && head.householdId !== base.householdId ? { householdId: head.householdId, residence: head.residence } : {}),
      ...(input.relationship ? { relationship: input.relationship } : {}),
      ...(input.residence ? { residence: { ...base.residence, ...input.residence } } : {}),
    };
    if (!next.surname || !next.name) throw new Error('cognome e nome obbligatori per un nuovo residente');
    return this.put(next);
  }
}
