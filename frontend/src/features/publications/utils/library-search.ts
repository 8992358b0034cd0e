import type { RecordQuery } from '@/api/models';
import { pageWindow, type FacetedSearch, type SearchSpec } from '@/lib/faceted-search';
import { isOneOf, RECORD_TYPES } from './vocabulary';

export const FACETS = ['type', 'theme', 'language', 'year', 'author'] as const;
export type Facet = (typeof FACETS)[number];
export type LibrarySearch = FacetedSearch<Facet>;

export const PAGE_SIZE = 20;

export const librarySpec: SearchSpec<Facet> = {
  facets: FACETS,
  accepts: {
    type: (v) => isOneOf(RECORD_TYPES, v),
    theme: (v) => /^[a-z0-9_-]{1,60}$/.test(v),
    language: (v) => /^[a-z]{2,3}$/.test(v),
    year: (v) => /^\d{4}$/.test(v),
    author: (v) => v.trim().length > 0 && v.length <= 200,
  },
};

/** The API query of a search (its values already checked when the address was read). */
export function toRecordQuery(search: LibrarySearch): RecordQuery {
  const list = <T>(values: T[]) => (values.length ? values : undefined);
  const { facets } = search;
  return {
    q: search.q || undefined,
    type: list(facets.type.filter((v) => isOneOf(RECORD_TYPES, v))),
    theme: list(facets.theme),
    language: list(facets.language),
    year: list(facets.year.map(Number)),
    author: list(facets.author),
    ...pageWindow(search.page, PAGE_SIZE),
  };
}
