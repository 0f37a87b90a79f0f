import { errorStatus, type ErrorCode } from '@siso/shared';

export interface ErrorDetail {
  path: string;
  /** A message key from the shared catalogue (fieldMessages) or a ready Italian sentence. */
  message: string;
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
