import type { Availability, LanguageLevel } from '@/api/models';

export const AVAILABILITIES: readonly Availability[] = ['available', 'limited', 'unavailable'];
export const LANGUAGE_LEVELS: readonly LanguageLevel[] = [
  'native',
  'fluent',
  'professional',
  'basic',
];

/** The languages the join form offers first (others an expert already declared are kept). */
export const OFFERED_LANGUAGES = ['fr', 'en', 'ar', 'pt', 'sw', 'es'] as const;

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
