/**
 * One call to an ANPR e-service through the PDND/ModI transport (standards.md §5.1): voucher
 * (pdnd-voucher.ts, cached) + Agid-JWT-TrackingEvidence + Agid-JWT-Signature + Digest on
 * `POST <base>/<Cxxx-nome>/v1/<operation>`; the answer classified (200 → schema, 404 → not found,
 * 400/401/403 → rejected, other → http_error) and the call written to the call log.
 */
import crypto from 'node:crypto';
import type { z } from 'zod';
import { anomalyWarnings } from './anpr-mapping.js';
import { govwayProblem, rispostaKO } from './anpr-wire.js';
import type { CallLog } from './call-log.js';
import { httpRequest, parseAnswer } from './http.js';
import { modiAudience, signedHeaders, type ClientKey } from './modi-headers.js';
import type { PdndVoucherProvider } from './pdnd-voucher.js';
import type { RegistryCall } from './registry-client.js';
import { RegistryUnavailableError } from './registry-errors.js';

/** ANPR use cases SISO calls, with their e-service path names (§5.3; C015/C020 ◐ from public code). */
export const ANPR_SERVICES = {
  C001: 'C001-servizioNotifica',
  C003: 'C003-servizioVerificaDichGeneralita',
  C015: 'C015-servizioAccertamentoGeneralita',
  C020: 'C020-servizioAccertamentoResidenza',
  C021: 'C021-servizioAccertamentoStatoFamiglia',
  C030: 'C030-servizioAccertamentoIdUnicoNazionale',
} as const;
export type AnprUseCase = keyof typeof ANPR_SERVICES;

export interface AnprTransportOptions {
  /** e.g. https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR-PDND */
  baseUrl: string;
  /** Base of the ModI `aud` when the derived one (base without -PDND) is not right. */
  audience?: string | null;
  clientId: string;
  key: ClientKey;
  purposeIds: Partial<Record<AnprUseCase, string>>;
  pdnd: PdndVoucherProvider;
  log: CallLog;
  now?: () => number;
}

export type AnprResult<T> = { found: true; data: T } | { found: false; warnings: string[] };

let sequence = 0;
/** Unique per call: milliseconds, a process counter and random digits (§5.2: "unique, e.g. timestamp"). */
export function newIdOperazioneClient(): string {
  sequence = (sequence + 1) % 1000;
  return `${Date.now()}${String(sequence).padStart(3, '0')}${String(crypto.randomInt(1000)).padStart(3, '0')}`;
}

export class AnprTransport {
  private readonly now: () => number;

  constructor(private readonly o: AnprTransportOptions) {
    this.now = o.now ?? Date.now;
  }

  has(code: AnprUseCase): boolean {
    return Boolean(this.o.purposeIds[code]);
  }

  audience(code: AnprUseCase): string {
    return modiAudience(this.o.baseUrl, ANPR_SERVICES[code], this.o.audience);
  }

  /** POSTs `body` (idOperazioneClient is set here) and parses a 200 with `schema`. */
  async post<S extends z.ZodType>(
    code: AnprUseCase,
    operation: string,
    body: Record<string, unknown>,
    schema: S,
    call: RegistryCall,
    signal: AbortSignal,
    anprId: string | null = null,
  ): Promise<AnprResult<z.output<S>>> {
    const purposeId = this.o.purposeIds[code];
    if (!purposeId) throw new RegistryUnavailableError('rejected', `nessuna finalità PDND configurata per ${code}`, { service: code });
    const audience = this.audience(code);
    const user = { userID: call.operatorId, userLocation: call.officeLabel, LoA: call.loa ?? 'LoA1' };
    const idOperazioneClient = newIdOperazioneClient();
    const voucher = await this.voucher(code, purposeId, audience, user, call, signal);
    const text = JSON.stringify({ idOperazioneClient, ...body });
    const { headers, jti } = await signedHeaders(this.o.key, { clientId: this.o.clientId, audience, body: text, voucher: voucher.accessToken, tracking: voucher.tracking.jwt, now: this.now() });
    const { entry, finish } = this.o.log.start(code, call, { purposeId, jti, trackingJti: voucher.tracking.jti, idOperazioneClient, anprId });
    try {
      const answer = await httpRequest(`${this.o.baseUrl.replace(/\/+$/, '')}/${ANPR_SERVICES[code]}/v1/${operation}`, { method: 'POST', headers, body: text }, signal, code);
      entry.status = answer.status;
      entry.transactionId = answer.headers.get('govway-transaction-id');
      if (answer.status === 200) {
        const data = parseAnswer(answer, schema, code);
        entry.idOperazioneANPR = (data as { idOperazioneANPR?: string | null }).idOperazioneANPR ?? null;
        finish('ok');
        return { found: true, data };
      }
      if (answer.status === 401 || answer.status === 403) this.o.pdnd.forget({ purposeId, audience, user });
      const failure = this.failure(code, answer.status, answer.text);
      if (failure === 'not_found') {
        finish('not_found');
        return { found: false, warnings: [] };
      }
      throw failure;
    } catch (err) {
      finish(err);
      throw err;
    }
  }

  private async voucher(code: AnprUseCase, purposeId: string, audience: string, user: { userID: string; userLocation: string; LoA: string }, call: RegistryCall, signal: AbortSignal) {
    const { entry, finish } = this.o.log.start('token', call, { purposeId });
    try {
      const v = await this.o.pdnd.voucher({ purposeId, audience, user }, signal);
      if (v.cached) return v; // no call made: nothing to log
      entry.jti = v.assertionJti;
      entry.trackingJti = v.tracking.jti;
      entry.detail = `voucher per ${code}`;
      finish('ok');
      return v;
    } catch (err) {
      finish(err);
      throw err;
    }
  }

  /** A non-200 answer: 404 with listaErrori = not found; otherwise the error to throw. */
  private failure(code: AnprUseCase, status: number, text: string): 'not_found' | RegistryUnavailableError {
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON: described by status only */
    }
    const ko = rispostaKO.safeParse(json);
    const problem = govwayProblem.safeParse(json);
    if (status === 404 && ko.success) return 'not_found';
    const detail = ko.success
      ? anomalyWarnings(ko.data.listaErrori).join('; ')
      : problem.success ? [problem.data.title, problem.data.detail].filter(Boolean).join(': ') : `HTTP ${status}`;
    if (status === 400 || status === 401 || status === 403 || status === 404) {
      return new RegistryUnavailableError('rejected', `HTTP ${status}: ${detail}`, { service: code, status });
    }
    return new RegistryUnavailableError('http_error', `HTTP ${status}`, { service: code, status });
  }
}
