/**
 * Life events recorded through the admin API (moves, dies, marries, renamed, household change)
 * applied to the residents, and the change feed they produce (C001 servizioNotifica, ◐ in
 * standards.md §5.3: the shape is our approximation, documented in docs/registry.md). Every affected
 * resident gets a feed entry with the effective date and a snapshot of the record after the change.
 */
import type { RegistryPerson } from '@siso/shared';
import { DEMO_POSTAL_CODES, loadReference } from './reference.js';
import type { ResidentStore, SimAddress, SimResident } from './residents.js';
import { registryPerson, snapshot } from './wire.js';

export type ChangeKind = 'residence' | 'household' | 'death' | 'civil_status' | 'names';

export interface FeedEntry {
  seq: number;
  idANPR: string;
  fiscalCode: string;
  kind: ChangeKind;
  effectiveDate: string;
  recordedAt: string;
  /** ANPR-shaped record after the change (datiSoggetto + famiglia). */
  snapshot: Record<string, unknown>;
  /** The same, in the neutral shape (municipal contract). */
  person: RegistryPerson;
}

type Destination = Partial<Omit<SimAddress, 'since'>> & ({ comuneIstat: string } | { stateCode: string });

export type SimChangeInput =
  | { kind: 'moves'; subject: string; to: Destination; withHousehold?: boolean; effectiveDate?: string }
  | { kind: 'dies'; subject: string; effectiveDate?: string }
  | { kind: 'marries'; subject: string; spouse?: string; civilUnion?: boolean; effectiveDate?: string }
  | { kind: 'civil_status'; subject: string; civilStatus: string; effectiveDate?: string }
  | { kind: 'renamed'; subject: string; surname?: string; name?: string; effectiveDate?: string }
  | { kind: 'household'; subject: string; joins?: string; relationship?: string; effectiveDate?: string };

export class ChangeFeed {
  private readonly entries: FeedEntry[] = [];

  constructor(
    private readonly store: ResidentStore,
    private readonly now: () => Date,
  ) {}

  get head(): number {
    return this.entries.length;
  }

  /** Applies a life event and appends one entry per affected resident and kind. */
  record(change: SimChangeInput): FeedEntry[] {
    const subject = this.must(change.subject);
    const date = change.effectiveDate ?? this.now().toISOString().slice(0, 10);
    const touched: Array<[SimResident, ChangeKind]> = [];
    const put = (r: SimResident, kind: ChangeKind) => {
      this.store.put(r);
      touched.push([r, kind]);
    };
    switch (change.kind) {
      case 'moves': {
        const residence = this.destination(change.to, date);
        const movers = change.withHousehold ? this.store.household(subject.idANPR) : [subject];
        const left = change.withHousehold ? [] : this.others(subject);
        const householdId = change.withHousehold || left.length === 0 ? subject.householdId : this.store.newHouseholdId();
        for (const m of movers) put({ ...m, residence, ...(m === subject && householdId !== m.householdId ? { householdId, relationship: '1', relationshipSince: date } : {}) }, 'residence');
        if (left.length) for (const r of [this.must(subject.idANPR), ...left]) touched.push([r, 'household']);
        break;
      }
      case 'dies': {
        const others = this.others(subject);
        put({ ...subject, death: { date, place: { comuneIstat: subject.residence.comuneIstat, comuneName: subject.residence.comuneName, province: subject.residence.province, stateCode: subject.residence.stateCode, stateName: subject.residence.stateName } } }, 'death');
        for (const r of others) touched.push([r, 'household']);
        break;
      }
      case 'marries': {
        const status = change.civilUnion ? '6' : '2';
        put({ ...subject, civilStatus: status }, 'civil_status');
        if (change.spouse) {
          const spouse = this.must(change.spouse);
          const oldOthers = this.others(spouse);
          const joins = spouse.householdId !== subject.householdId;
          put({ ...spouse, civilStatus: status, ...(joins ? { householdId: subject.householdId, residence: subject.residence, relationship: subject.relationship === '1' ? (change.civilUnion ? '28' : '2') : '99', relationshipSince: date } : {}) }, 'civil_status');
          if (joins) {
            touched.push([this.must(spouse.idANPR), 'residence']);
            for (const r of [...this.store.household(subject.idANPR), ...oldOthers]) touched.push([r, 'household']);
          }
        }
        break;
      }
      case 'civil_status':
        put({ ...subject, civilStatus: change.civilStatus }, 'civil_status');
        break;
      case 'renamed':
        put({ ...subject, ...(change.surname ? { surname: change.surname.toUpperCase() } : {}), ...(change.name ? { name: change.name.toUpperCase() } : {}) }, 'names');
        break;
      case 'household': {
        const target = change.joins ? this.must(change.joins) : null;
        const oldOthers = this.others(subject);
        const moved = target && target.residence !== subject.residence;
        this.store.put({
          ...subject,
          householdId: target ? target.householdId : this.store.newHouseholdId(),
          relationship: target ? (change.relationship ?? '99') : '1',
          relationshipSince: date,
          ...(target ? { residence: target.residence } : {}),
        });
        if (moved) touched.push([this.must(subject.idANPR), 'residence']);
        for (const r of [...this.store.household(subject.idANPR), ...oldOthers]) touched.push([r, 'household']);
        break;
      }
    }
    return this.append(touched, date);
  }

  /** Entries after `afterSeq` for the given subjects (idANPR), oldest first. */
  page(opts: { afterSeq: number; fromDate?: string | null; subjects: ReadonlySet<string> | null; limit: number }): { items: FeedEntry[]; nextSeq: number; more: boolean } {
    const items: FeedEntry[] = [];
    let i = opts.afterSeq;
    for (; i < this.entries.length && items.length < opts.limit; i++) {
      const e = this.entries[i] as FeedEntry;
      if (opts.subjects && !opts.subjects.has(e.idANPR) && !opts.subjects.has(e.fiscalCode)) continue;
      if (opts.fromDate && e.recordedAt.slice(0, 10) < opts.fromDate) continue;
      items.push(e);
    }
    const more = i < this.entries.length && this.entries.slice(i).some((e) => !opts.subjects || opts.subjects.has(e.idANPR) || opts.subjects.has(e.fiscalCode));
    return { items, nextSeq: more ? i : this.entries.length, more };
  }

  private append(touched: Array<[SimResident, ChangeKind]>, date: string): FeedEntry[] {
    const seen = new Set<string>();
    const out: FeedEntry[] = [];
    for (const [r, kind] of touched) {
      const key = `${r.idANPR}:${kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const current = this.must(r.idANPR);
      const entry: FeedEntry = {
        seq: this.entries.length + 1,
        idANPR: current.idANPR,
        fiscalCode: current.fiscalCode,
        kind,
        effectiveDate: date,
        recordedAt: this.now().toISOString(),
        snapshot: snapshot(current, this.store),
        person: registryPerson(current, this.store),
      };
      this.entries.push(entry);
      out.push(entry);
    }
    return out;
  }

  private others(r: SimResident): SimResident[] {
    return this.store.household(r.idANPR).filter((m) => m.idANPR !== r.idANPR);
  }

  private must(key: string): SimResident {
    const r = this.store.get(key);
    if (!r) throw new Error(`nessun residente ${key}`);
    return r;
  }

  private destination(to: Destination, since: string): SimAddress {
    const ref = loadReference();
    if ('comuneIstat' in to && to.comuneIstat) {
      const c = ref.comuneByIstat(to.comuneIstat);
      if (!c) throw new Error(`comune ISTAT sconosciuto: ${to.comuneIstat}`);
      return {
        comuneIstat: c.istat, comuneName: c.name.toUpperCase(), province: c.provinceCode, stateCode: null, stateName: null,
        specie: (to.specie ?? 'VIA').toUpperCase(), denominazione: (to.denominazione ?? 'ROMA').toUpperCase(), civic: to.civic ?? '1',
        postalCode: to.postalCode ?? DEMO_POSTAL_CODES[c.istat] ?? null, locality: to.locality ?? null, since,
      };
    }
    const stateCode = (to as { stateCode: string }).stateCode;
    const s = ref.stateByIstat(stateCode);
    if (!s) throw new Error(`stato ISTAT sconosciuto: ${stateCode}`);
    return {
      comuneIstat: null, comuneName: null, province: null, stateCode: s.istat, stateName: s.name,
      specie: (to.specie ?? '').toUpperCase(), denominazione: (to.denominazione ?? '').toUpperCase(), civic: to.civic ?? null,
      postalCode: to.postalCode ?? null, locality: to.locality ?? null, since,
    };
  }
}
