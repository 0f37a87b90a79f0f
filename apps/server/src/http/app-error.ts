import { errorStatus, type ErrorCode, type FieldMessageKey } from '@siso/shared';

export interface ErrorDetail {
  path: string;
  /**
   * A key of the shared catalogue (`fieldMessages`), rendered in the client's language by
   * `errorBody`: a closed union, so a key without its texts, or a sentence, does not compile.
   */
  message: FieldMessageKey;
}

/**
 * An error with a stable wire code (design/architecture.md, "Wire contract"). Throwing it anywhere in
 * an action rolls the transaction back and answers `{ code, message, details }` with the right status.
 */
export class AppError extends Error {
  readonly status: number;
  /** Extra response headers (e.g. Retry-After with rate_limited, RFC 9110 §10.2.3). */
  readonly headers: Record<string, string> = {};
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetail[] = [],
    readonly internalMessage?: string,
  ) {
    super(internalMessage ?? code);
    this.status = errorStatus[code];
  }
}
