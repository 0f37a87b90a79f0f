/**
 * Actions whose JSON body carries files as base64 (≈ 4/3 of the bytes): they get the larger
 * SISO_UPLOAD_BODY_LIMIT_BYTES (default 32 MiB); every other route keeps SISO_BODY_LIMIT_BYTES,
 * so one large limit does not widen the attack surface of the whole API (OWASP ASVS 12.1.1).
 */
export const UPLOAD_ACTIONS: ReadonlySet<string> = new Set(['serviceRequests.create', 'serviceRequests.update', 'consents.record']);
