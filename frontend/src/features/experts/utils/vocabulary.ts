import type { Availability, LanguageLevel } from '@/api/models';

// The experts service's fixed codes, in display order; their labels are UI text (locales). Written
// as records over the generated types, so a code added to (or removed from) the API is a type error
// here until listed. The open lists come from the APIs: themes from catalogue, countries from
// identity, language names from Intl in the reader's language.
const codes = <T extends string>(record: Record<T, true>) => Object.keys(record) as T[];

export const AVAILABILITIES: readonly Availability[] = codes<Availability>({
  available: true,
  limited: true,
  unavailable: true,
});
export const LANGUAGE_LEVELS: readonly LanguageLevel[] = codes<LanguageLevel>({
  native: true,
  fluent: true,
  professional: true,
  basic: true,
});

/** The languages the join form offers first (others an expert already declared are kept). */
export const OFFERED_LANGUAGES = ['fr', 'en', 'ar', 'pt', 'sw', 'es'] as const;

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
