import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import it from './it.json';
import en from './en.json';

export const languages = ['it', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'siso.language';

function storedLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(storageKey);
    return saved === 'en' ? 'en' : 'it';
  } catch {
    return 'it';
  }
}

function applyLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
  try {
    globalThis.localStorage?.setItem(storageKey, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** One i18next instance: Italian by default, English on request; the choice is kept in localStorage. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { it: { translation: it }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'it',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
});

i18n.on('languageChanged', applyLanguage);
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'it';
}
