/**
 * A municipal registry (anagrafe comunale) behind a simple JSON REST contract with an API key,
 * answering in SISO's neutral shape (docs/registry.md, "Municipal registry"):
 *   GET <url>/persons/{fiscalCode}                       → 200 { person } | 404
 *   GET <url>/changes?since=…&subjects=CF,CF&limit=n      → 200 { changes, cursor, hasMore }
 * Same rules as the ANPR client: one deadline, no retry, zod on every answer, a call log line.
 */
import { registryPerson } from '@siso/shared';
import { z } from 'zod';
import { CallLog } from './call-log.js';
import { deadline, httpRequest, parseAnswer } from './http.js';
import {
  SYSTEM_CALL,
  type RegistryCall,
  type RegistryCallSink,
  type RegistryChanges,
  type RegistryClient,
  type RegistryLogger,
  type RegistryLookup,
  type RegistrySubject,
} from './registry-client.js';
import { RegistryUnavailableError } from './registry-errors.js';

export interface MunicipalClientOptions {
  /** e.g. https://anagrafe.comune.example.it/municipal/v1 */
  url: string;
  apiKey: string;
  timeoutMs: number;
  logger: RegistryLogger;
  onCall?: RegistryCallSink;
  /** Fiscal codes per changes request (they travel in the query string). */
  batch?: number;
}

const personAnswer = z.object({ person: registryPerson });
const changesAnswer = z.object({
  changes: z.array(z.object({
    fiscalCode: z.string(),
    anprId: z.string().nullish(),
    kind: z.enum(['residence', 'household', 'death', 'civil_status', 'names']),
    effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    person: registryPerson,
  })),
  cursor: z.string(),
  hasMore: z.boolean(),
});

export class MunicipalRegistryClient implements RegistryClient {
  readonly source = 'municipal' as const;
  private readonly log: CallLog;
  private readonly base: string;

  constructor(private readonly o: MunicipalClientOptions) {
    this.log = new CallLog('municipal', o.logger, o.onCall);
    this.base = o.url.replace(/\/+$/, '');
  }

  /** GET and parse with `schema`; null on 404. The call is logged with its final outcome. */
  private async get<S extends z.ZodType>(path: string, service: string, schema: S, call: RegistryCall, signal: AbortSignal): Promise<z.output<S> | null> {
    const { entry, finish } = this.log.start(service, call);
    try {
      const answer = await httpRequest(`${this.base}${path}`, {
        method: 'GET',
        headers: {
          accept: 'application/json',
          'x-api-key': this.o.apiKey,
          // Who asks and why, for the registry's own access log (URI-encoded: headers are ASCII).
          'x-siso-operator': encodeURIComponent(call.operatorId),
          'x-siso-office': encodeURIComponent(call.officeLabel),
          'x-siso-reason': encodeURIComponent(call.reason),
        },
      }, signal, service);
      entry.status = answer.status;
      if (answer.status === 404) {
        finish('not_found');
        return null;
      }
      if (answer.status !== 200) {
        const reason = answer.status === 400 || answer.status === 401 || answer.status === 403 ? 'rejected' : 'http_error';
        throw new RegistryUnavailableError(reason, `HTTP ${answer.status}`, { service, status: answer.status });
      }
      const data = parseAnswer(answer, schema, service);
      finish('ok');
      return data;
    } catch (err) {
      finish(err);
      throw err;
    }
  }

  async lookup(fiscalCode: string, call: RegistryCall): Promise<RegistryLookup> {
    const answer = await this.get(`/persons/${encodeURIComponent(fiscalCode)}`, 'persons', personAnswer, call, deadline(this.o.timeoutMs));
    return { person: answer?.person ?? null, warnings: [] };
  }

  async changes(subjects: RegistrySubject[], since: string | null, call: RegistryCall = SYSTEM_CALL): Promise<RegistryChanges> {
    const byCode = new Map(subjects.map((s) => [s.fiscalCode.toUpperCase(), s]));
    const codes = [...byCode.keys()];
    const batch = this.o.batch ?? 100;
    const changes: RegistryChanges['changes'] = [];
    let first: string | null = null;
    for (let i = 0; i < codes.length; i += batch) {
      let cursor = since;
      for (;;) {
        const q = new URLSearchParams({ subjects: codes.slice(i, i + batch).join(','), limit: '200', ...(cursor ? { since: cursor } : {}) });
        const page = await this.get(`/changes?${q.toString()}`, 'changes', changesAnswer, call, deadline(this.o.timeoutMs));
        if (!page) throw new RegistryUnavailableError('rejected', 'changes: endpoint non trovato', { service: 'changes', status: 404 });
        for (const c of page.changes) {
          const subject = byCode.get(c.fiscalCode.toUpperCase());
          if (subject) changes.push({ personId: subject.personId, fiscalCode: c.fiscalCode, anprId: c.anprId ?? subject.anprId, kind: c.kind, effectiveDate: c.effectiveDate, person: c.person });
        }
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      // As for ANPR: the first batch's final cursor is the earliest one every batch has read past.
      first ??= cursor;
    }
    return { changes, cursor: first ?? since ?? '', resolved: [], unknown: [] };
  }
}
