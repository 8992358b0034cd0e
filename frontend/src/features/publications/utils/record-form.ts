import type { Licence, RecordAuthor, RecordDetail, RecordInput, RecordType } from '@/api/models';
import { commaList, optional, text } from '@/lib/form-data';
import { isOneOf, LICENCES, RECORD_TYPES } from './vocabulary';

/** Titles, abstracts and keywords are edited in French and English; other stored variants are kept. */
export const EDITED_LANGUAGES = ['fr', 'en'] as const;

const TRANSLATED = ['title', 'abstract', 'keywords'] as const;

/** The request-body names the form shows (authors' inputs are named `authors.<n>.<field>`). */
export function recordFields(authorCount: number): string[] {
  return [
    'type',
    'language',
    ...TRANSLATED.flatMap((name) => [name, ...EDITED_LANGUAGES.map((lang) => `${name}.${lang}`)]),
    'authors',
    ...Array.from({ length: authorCount }, (_, n) =>
      ['name', 'orcid', 'expert_id', 'organisation'].map((field) => `authors.${n}.${field}`),
    ).flat(),
    'themes',
    'licence',
    'published_on',
    'publisher',
    'place',
    'series',
    'doi',
    'isbn',
    'url',
  ];
}

export type Stored = Record<string, Record<string, unknown> | undefined>;

export function storedTexts(record?: RecordDetail): Stored {
  return (record?.translations ?? {}) as Stored;
}

/** A stored variant as a form's default value (keywords joined with commas). */
export function variantValue(stored: Stored, name: string, lang: string): string {
  const value = stored[name]?.[lang];
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'string' ? value : '';
}

function variants(data: FormData, name: (typeof TRANSLATED)[number], stored: Stored) {
  const result: Record<string, unknown> = {};
  for (const [lang, value] of Object.entries(stored[name] ?? {})) {
    if (!(EDITED_LANGUAGES as readonly string[]).includes(lang) && value) result[lang] = value;
  }
  for (const lang of EDITED_LANGUAGES) {
    const value = text(data, `${name}.${lang}`);
    const list = commaList(value);
    if (name === 'keywords' ? list.length : value)
      result[lang] = name === 'keywords' ? list : value;
  }
  return Object.keys(result).length ? result : null;
}

export interface AuthorRow {
  key: number;
  author?: RecordAuthor;
}

export function readRecordForm(
  form: HTMLFormElement,
  authorCount: number,
  stored: Stored,
): RecordInput {
  const data = new FormData(form);
  const type = text(data, 'type');
  const licence = text(data, 'licence');
  return {
    type: (isOneOf(RECORD_TYPES, type) ? type : 'report') as RecordType,
    language: text(data, 'language'),
    title: variants(data, 'title', stored) ?? {},
    abstract: variants(data, 'abstract', stored),
    keywords: variants(data, 'keywords', stored),
    authors: Array.from({ length: authorCount }, (_, n) => ({
      name: text(data, `authors.${n}.name`),
      orcid: optional(data, `authors.${n}.orcid`),
      expert_id: optional(data, `authors.${n}.expert_id`),
      organisation: data.get(`authors.${n}.organisation`) === 'on',
    })),
    themes: data.getAll('themes').map(String),
    licence: (isOneOf(LICENCES, licence) ? licence : 'all-rights-reserved') as Licence,
    published_on: optional(data, 'published_on'),
    publisher: optional(data, 'publisher'),
    place: optional(data, 'place'),
    series: optional(data, 'series'),
    doi: optional(data, 'doi'),
    isbn: optional(data, 'isbn'),
    url: optional(data, 'url'),
  };
}
