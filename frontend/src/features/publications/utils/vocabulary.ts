import type { CitationFormat, Licence, RecordStatus, RecordType } from '@/api/models';

export const RECORD_TYPES: readonly RecordType[] = [
  'book',
  'report',
  'policy_brief',
  'article',
  'proceedings',
  'toolkit',
  'presentation',
  'video',
];

export const RECORD_STATUSES: readonly RecordStatus[] = ['published', 'draft', 'withdrawn'];

export const CITATION_FORMATS: readonly CitationFormat[] = ['bibtex', 'ris', 'csl'];

export const LICENCES: readonly Licence[] = [
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC-BY-NC-4.0',
  'CC-BY-NC-SA-4.0',
  'CC-BY-ND-4.0',
  'CC-BY-NC-ND-4.0',
  'CC0-1.0',
  'all-rights-reserved',
];

/** The languages a document is most often written in here (ISO 639-1); others can be typed. */
export const DOCUMENT_LANGUAGES = ['fr', 'en', 'ar', 'pt'] as const;

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
