import 'i18next';
import type it from './it.json';

/** Every key used with t() must exist in the Italian catalogue (en is checked against it by a test). */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof it };
  }
}
