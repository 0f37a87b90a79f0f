import type { Locale } from '@siso/shared';

/** Italian unless the client asks for English first (wire contract: messages in it, en on request). */
export function localeOf(acceptLanguage: string | undefined): Locale {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'it';
}
