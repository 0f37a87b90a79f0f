/**
 * ANPR through PDND (issue 4 point 8; standards.md §5). A lookup resolves the idANPR once with
 * C030 (§5.2: searching by codiceFiscale draws an anomaly warning) and then asks, in parallel and
 * within one deadline, C015 (generalità), C020 (residence) and C021 (famiglia) — each only if a
 * PDND purpose is configured for it (data minimisation, §5.3). The change feed is C001 (◐, our
 * approximated shape: docs/registry.md). No retry inside a user request.
 */
import { toRegistryPerson, anomalyWarnings } from './anpr-mapping.js';
import { rispostaE002OK, rispostaVariazioni, type DatiSoggetto } from './anpr-wire.js';
import { AnprTransport, type AnprTransportOptions, type AnprUseCase } from './anpr-transport.js';
import { CallLog } from './call-log.js';
import { deadline } from './http.js';
import type { ClientKey } from './modi-headers.js';
import { PdndVoucherProvider } from './pdnd-voucher.js';
import {
  SYSTEM_CALL,
  type RegistryCall,
  type RegistryCallSink,
  type RegistryChange,
  type RegistryChangeKind,
  type RegistryChanges,
  type RegistryClient,
  type RegistryLogger,
  type RegistryLookup,
  type RegistrySubject,
} from './registry-client.js';
import { RegistryUnavailableError } from './registry-errors.js';

export interface AnprClientOptions {
  baseUrl: string;
  /** ModI audience base override (default: baseUrl without -PDND). */
  audience?: string | null;
  tokenUrl: string;
  /** Client assertion audience override (default: PDND's `<host>/client-assertion`, or the token URL). */
  assertionAudience?: string | null;
  clientId: string;
  key: ClientKey;
  purposeIds: AnprTransportOptions['purposeIds'];
  timeoutMs: number;
  logger: RegistryLogger;
  onCall?: RegistryCallSink;
  now?: () => number;
  /** Subjects per C001 request and changes per page. */
  feedBatch?: number;
  feedPage?: number;
}

const KIND: Record<string, RegistryChangeKind> = {
  RESIDENZA: 'residence',
  FAMIGLIA: 'household',
  DECESSO: 'death',
  STATO_CIVILE: 'civil_status',
  GENERALITA: 'names',
};

const today = (now: number) => new Date(now).toISOString().slice(0, 10);

export class AnprClient implements RegistryClient {
  readonly source = 'anpr' as const;
  readonly transport: AnprTransport;
  private readonly now: () => number;

  constructor(private readonly o: AnprClientOptions) {
    this.now = o.now ?? Date.now;
    if (!o.purposeIds.C015 && !o.purposeIds.C020 && !o.purposeIds.C021) {
      throw new Error('ANPR: serve la finalità PDND di almeno un servizio tra C015, C020 e C021');
    }
    const pdnd = new PdndVoucherProvider({ tokenUrl: o.tokenUrl, clientId: o.clientId, key: o.key, audience: o.assertionAudience, now: this.now });
    this.transport = new AnprTransport({
      baseUrl: o.baseUrl, audience: o.audience, clientId: o.clientId, key: o.key, purposeIds: o.purposeIds, pdnd,
      log: new CallLog('anpr', o.logger, o.onCall), now: this.now,
    });
  }

  /** One RichiestaE002 (§5.2). */
  private e002(code: AnprUseCase, criteria: { codiceFiscale: string } | { idANPR: string }, call: RegistryCall, signal: AbortSignal) {
    const body = {
      criteriRicerca: criteria,
      datiRichiesta: { dataRiferimentoRichiesta: today(this.now()), motivoRichiesta: call.reason, casoUso: code },
    };
    return this.transport.post(code, 'anpr-service-e002', body, rispostaE002OK, call, signal, 'idANPR' in criteria ? criteria.idANPR : null);
  }

  /** idANPR of a fiscal code (C030), null when ANPR does not know it. */
  async resolveAnprId(fiscalCode: string, call: RegistryCall, signal: AbortSignal): Promise<string | null> {
    const r = await this.e002('C030', { codiceFiscale: fiscalCode }, call, signal);
    if (!r.found) return null;
    const id = r.data.listaSoggetti.datiSoggetto[0]?.identificativi?.idANPR;
    if (!id) throw new RegistryUnavailableError('bad_response', 'C030 senza idANPR', { service: 'C030' });
    return id;
  }

  async lookup(fiscalCode: string, call: RegistryCall, hint?: { anprId?: string | null }): Promise<RegistryLookup> {
    const signal = deadline(this.o.timeoutMs);
    const warnings: string[] = [];
    let anprId = hint?.anprId ?? null;
    if (!anprId && this.transport.has('C030')) {
      anprId = await this.resolveAnprId(fiscalCode, call, signal);
      if (!anprId) return { person: null, warnings };
    }
    const criteria = anprId ? { idANPR: anprId } : { codiceFiscale: fiscalCode };
    const ask = (code: AnprUseCase) => (this.transport.has(code) ? this.e002(code, criteria, call, signal) : Promise.resolve(null));
    const [identity, residence, family] = await Promise.all([ask('C015'), ask('C020'), ask('C021')]);
    const answers = [identity, residence, family].filter((a) => a !== null);
    if (answers.every((a) => !a.found)) return { person: null, warnings };
    for (const a of answers) if (a.found) warnings.push(...anomalyWarnings(a.data.listaAnomalie));
    for (const [code, what] of [['C015', 'generalità, cittadinanza e stato civile'], ['C020', 'residenza'], ['C021', 'stato di famiglia']] as const) {
      if (!this.transport.has(code)) warnings.push(`Finalità PDND ${code} non configurata: ${what} non richiesti ad ANPR`);
    }
    const first = (a: typeof identity): DatiSoggetto | null => (a?.found ? (a.data.listaSoggetti.datiSoggetto[0] ?? null) : null);
    const person = toRegistryPerson({
      fiscalCode,
      anprId,
      identity: first(identity),
      residence: first(residence),
      family: family?.found ? family.data.listaSoggetti.datiSoggetto : null,
    });
    return { person, warnings: [...new Set(warnings)] };
  }

  async changes(subjects: RegistrySubject[], since: string | null, call: RegistryCall = SYSTEM_CALL): Promise<RegistryChanges> {
    const resolved: RegistryChanges['resolved'] = [];
    const unknown: string[] = [];
    const byAnprId = new Map<string, RegistrySubject>();
    for (const s of subjects) {
      let id = s.anprId;
      if (!id) {
        // One C030 per subject that has no idANPR yet, each with its own deadline.
        id = await this.resolveAnprId(s.fiscalCode, call, deadline(this.o.timeoutMs));
        if (!id) {
          unknown.push(s.personId);
          continue;
        }
        resolved.push({ personId: s.personId, anprId: id });
      }
      byAnprId.set(id.toUpperCase(), { ...s, anprId: id });
    }
    const ids = [...byAnprId.keys()];
    const batch = this.o.feedBatch ?? 500;
    const out: Array<RegistryChange & { seq: number }> = [];
    let cursor: string | null = null;
    for (let i = 0; i < ids.length; i += batch) {
      const end = await this.feed(ids.slice(i, i + batch), since, call, byAnprId, out);
      // Chunks run one after the other: the first chunk's final cursor is the earliest position
      // every chunk has read past, so nothing is skipped (a few changes may come again next time).
      cursor ??= end;
    }
    out.sort((a, b) => a.seq - b.seq);
    return { changes: out.map(({ seq: _seq, ...c }) => c), cursor: cursor ?? since ?? '', resolved, unknown };
  }

  /** Pages through C001 for some subjects; returns the final cursor. */
  private async feed(ids: string[], since: string | null, call: RegistryCall, byAnprId: Map<string, RegistrySubject>, out: Array<RegistryChange & { seq: number }>): Promise<string> {
    const isDate = since !== null && /^\d{4}-\d{2}-\d{2}$/.test(since);
    let cursor: string | null = since && !isDate ? since : null;
    for (;;) {
      const body = {
        datiRichiesta: { dataRiferimentoRichiesta: today(this.now()), motivoRichiesta: call.reason, casoUso: 'C001' },
        soggetti: ids.map((idANPR) => ({ idANPR })),
        ...(cursor ? { cursore: cursor } : isDate ? { dataInizio: since } : {}),
        numeroMassimo: this.o.feedPage ?? 200,
      };
      const r = await this.transport.post('C001', 'variazioni', body, rispostaVariazioni, call, deadline(this.o.timeoutMs));
      if (!r.found) throw new RegistryUnavailableError('rejected', 'C001: servizio di notifica non trovato', { service: 'C001' });
      for (const v of r.data.listaVariazioni) {
        const subject = byAnprId.get(v.idANPR.toUpperCase());
        if (!subject) continue; // not one we follow: ignore
        const person = toRegistryPerson({ fiscalCode: v.codiceFiscale, anprId: v.idANPR, identity: v.datiSoggetto, residence: v.datiSoggetto, family: v.datiSoggetto.famiglia as DatiSoggetto[] | null | undefined });
        out.push({ seq: v.progressivo, personId: subject.personId, fiscalCode: v.codiceFiscale, anprId: v.idANPR, kind: KIND[v.tipoVariazione] as RegistryChangeKind, effectiveDate: v.dataDecorrenza, person });
      }
      cursor = r.data.cursore;
      if (!r.data.altreVariazioni) return cursor;
    }
  }
}
