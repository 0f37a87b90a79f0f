/**
 * The call log (standards.md §5.1 "a log of every call (purposeId, jti, GovWay transaction id)",
 * also our access log, §8.2): one structured line per outgoing registry call, written through the
 * logger given to the client (`event: "registry.call"`), and handed to `onCall` so the caller can
 * audit it. No fiscal code or personal data in the line: the subject is the idANPR when known.
 */
import type { RegistryCall, RegistryCallLogEntry, RegistryCallSink, RegistryLogger, RegistrySource } from './registry-client.js';
import { RegistryUnavailableError } from './registry-errors.js';

export class CallLog {
  constructor(
    private readonly source: RegistrySource,
    private readonly logger: RegistryLogger,
    private readonly onCall?: RegistryCallSink,
  ) {}

  /** Starts an entry; `finish` writes it with the outcome (from the result or the error). */
  start(service: string, call: RegistryCall, fields: Partial<RegistryCallLogEntry> = {}) {
    const t0 = performance.now();
    const entry: RegistryCallLogEntry = {
      event: 'registry.call',
      source: this.source,
      service,
      purposeId: null,
      jti: null,
      trackingJti: null,
      idOperazioneClient: null,
      idOperazioneANPR: null,
      transactionId: null,
      operatorId: call.operatorId,
      officeLabel: call.officeLabel,
      reason: call.reason,
      anprId: null,
      outcome: 'ok',
      status: null,
      ms: 0,
      ...fields,
    };
    return {
      entry,
      finish: (outcome?: RegistryCallLogEntry['outcome'] | unknown) => {
        entry.ms = Math.round(performance.now() - t0);
        if (outcome instanceof RegistryUnavailableError) {
          entry.outcome = outcome.reason;
          entry.detail = outcome.detail;
          entry.status ??= outcome.info.status ?? null;
        } else if (outcome instanceof Error) {
          entry.outcome = 'http_error';
          entry.detail = outcome.message;
        } else if (typeof outcome === 'string') {
          entry.outcome = outcome as RegistryCallLogEntry['outcome'];
        }
        if (entry.outcome === 'ok' || entry.outcome === 'not_found') this.logger.info(entry, 'registry call');
        else this.logger.warn(entry, 'registry call failed');
        try {
          this.onCall?.(entry);
        } catch (err) {
          this.logger.warn({ event: 'registry.call.sink_failed', err: (err as Error).message }, 'registry call sink failed');
        }
      },
    };
  }
}
