import { errorMessages, fieldMessages, isFieldMessageKey, type ErrorBody, type FieldMessageKey, type Locale } from '@siso/shared';
import type { z } from 'zod';
import type { AppError, ErrorDetail } from './app-error.js';

/**
 * The catalogue key of one zod issue: a missing value is `required`; then the contract's own message
 * (`'formato_data'`), then the issue's code (`too_big`); a code the catalogue has no text for
 * (`custom`, `invalid_union`…) reads as the generic `invalid_value`, never as itself.
 */
function keyOfIssue(issue: z.core.$ZodIssue): FieldMessageKey {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  if (isFieldMessageKey(issue.message)) return issue.message;
  return isFieldMessageKey(issue.code) ? issue.code : 'invalid_value';
}

/** Maps zod issues to `{ path, message }` details; paths use dots and indexes ("members.0.name"). */
export function detailsFromZod(error: z.ZodError, prefix = ''): ErrorDetail[] {
  return error.issues.map((issue) => ({ path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'), message: keyOfIssue(issue) }));
}

/** Renders an AppError in the client's language. Messages never echo input values (personal data). */
export function errorBody(err: AppError, locale: Locale, requestId: string): ErrorBody {
  return {
    code: err.code,
    message: errorMessages[err.code][locale],
    details: err.details.map((d) => ({ path: d.path, message: fieldMessages[d.message][locale] })),
    requestId,
  };
}
