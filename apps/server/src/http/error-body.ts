import { errorMessages, fieldMessages, type ErrorBody, type Locale } from '@siso/shared';
import type { z } from 'zod';
import type { AppError, ErrorDetail } from './app-error.js';

/** Maps zod issues to `{ path, message }` details; paths use dots and indexes ("members.0.name"). */
export function detailsFromZod(error: z.ZodError, prefix = ''): ErrorDetail[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    const key =
      issue.code === 'invalid_type' && issue.input === undefined
        ? 'required'
        : issue.message in fieldMessages
          ? issue.message
          : issue.code;
    return { path, message: key };
  });
}

/** Renders an AppError in the client's language. Messages never echo input values (personal data). */
export function errorBody(err: AppError, locale: Locale, requestId: string): ErrorBody {
  return {
    code: err.code,
    message: errorMessages[err.code][locale],
    details: err.details.map((d) => ({ path: d.path, message: fieldMessages[d.message]?.[locale] ?? d.message })),
    requestId,
  };
}
