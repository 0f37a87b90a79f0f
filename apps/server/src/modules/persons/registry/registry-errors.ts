/**
 * The registry could not give a usable answer (issue 4, "Bad input": a registry that times out or
 * answers garbage). The operator gets a clear message and nothing is changed; the nightly job
 * records the failure and retries with backoff.
 */
export type RegistryFailure = 'timeout' | 'bad_response' | 'http_error' | 'rejected';

const MESSAGES: Record<RegistryFailure, string> = {
  timeout: "L'anagrafe non ha risposto in tempo",
  bad_response: "L'anagrafe ha risposto con dati non validi",
  http_error: "L'anagrafe non è raggiungibile",
  rejected: "L'anagrafe ha rifiutato la richiesta",
};

export class RegistryUnavailableError extends Error {
  override readonly name = 'RegistryUnavailableError';

  constructor(
    readonly reason: RegistryFailure,
    /** Technical detail for the log (never personal data). */
    readonly detail: string,
    readonly info: { service?: string; status?: number | null } = {},
  ) {
    super(`${MESSAGES[reason]} (${info.service ? `${info.service}: ` : ''}${detail})`);
  }

  /** The message for the operator, in Italian, without technical detail. */
  get userMessage(): string {
    return MESSAGES[this.reason];
  }
}
