import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGE_STORAGE_KEY,
  LANGUAGES,
  type Language,
} from '@/config/languages';
import en from '@/locales/en.json';
import fr from '@/locales/fr.json';
import type frManage from '@/locales/manage/fr.json';
import type frStaff from '@/locales/staff/fr.json';
import type frEnrol from '@/locales/enrol/fr.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // French is the reference catalogue: a key missing there is a type error in components.
    // The staff texts (`manage.*`, `staff.*`) are added when a staff page loads
    // (src/locales/manage, src/locales/staff); the enrollment pages' (`enrol.*`) with those pages.
    resources: {
      translation: typeof fr & { manage: typeof frManage; staff: typeof frStaff } & { enrol: typeof frEnrol };
    };
  }
}

function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    // Storage can be blocked (private mode, strict settings); the default language still works.
    return null;
  }
}

// French is the academy's default, whatever the browser says; a visitor's explicit choice wins.
export function initialLanguage(): Language {
  return storedLanguage() ?? DEFAULT_LANGUAGE;
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  // Both catalogues are a few kilobytes: bundling them keeps the switch instant and offline-safe.
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES.map((l) => l.code),
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
}

/** Switches the UI language and remembers it as the visitor's explicit choice. */
export async function setLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // not remembered, but the switch itself still applies
  }
  await i18n.changeLanguage(lng);
}

export { i18n };
