// Each language is offered under its own name (an autonym), whatever the current UI language,
// so a reader who does not understand the current one can still find theirs.
export const LANGUAGES = [
  { code: 'fr', autonym: 'Français' },
  { code: 'en', autonym: 'English' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

export const DEFAULT_LANGUAGE: Language = 'fr';

export const LANGUAGE_STORAGE_KEY = 'alga.language';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l.code === value);
}
