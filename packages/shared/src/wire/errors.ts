import { z } from 'zod';

/**
 * The wire contract's error codes and their HTTP statuses (design/architecture.md, "Wire contract").
 * Other modules, scripts and acceptance checks rely on these names: never rename one.
 */
export const errorStatus = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  context_required: 403,
  field_masked: 403,
  /**
   * The mutation's `x-csrf-token` is missing or is not the session's (another tab logged in again or
   * changed context, which rotates it): its own code, not `forbidden`, because the client can mend it
   * by itself — `auth.me` hands out the session's token and the call is repeated once.
   */
  csrf_invalid: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 422,
  payload_too_large: 413,
  /** The request line is over the server's limit (8 KiB of URL, RFC 9110 §15.5.15): a GET input too large. */
  uri_too_long: 414,
  /** The request's headers are over the server's limit (16 KiB, RFC 6585 §5): usually stale cookies. */
  headers_too_large: 431,
  rate_limited: 429,
  internal: 500,
  /** A dependency the action needs is down (e.g. the attachment virus scanner): nothing was saved, retry later. */
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];

export const errorDetailSchema = z.object({
  path: z.string(),
  message: z.string(),
});

export const errorBodySchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.array(errorDetailSchema),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
