import type { ExpertQuery } from '@/api/models';
import { pageWindow, type FacetedSearch, type SearchSpec } from '@/lib/faceted-search';
import { AVAILABILITIES, isOneOf } from './vocabulary';

export const FACETS = ['theme', 'country', 'language', 'availability'] as const;
export type Facet = (typeof FACETS)[number];
export type DirectorySearch = FacetedSearch<Facet>;

export const PAGE_SIZE = 20;

export const directorySpec: SearchSpec<Facet> = {
  facets: FACETS,
  accepts: {
    theme: (v) => /^[a-z0-9_-]{1,60}$/.test(v),
    country: (v) => /^[A-Z]{2}$/.test(v),
    language: (v) => /^[a-z]{2,3}$/.test(v),
    availability: (v) => isOneOf(AVAILABILITIES, v),
  },
};

/** The API query of a search (its values already checked when the address was read). */
export function toExpertQuery(search: DirectorySearch): ExpertQuery {
  const list = <T>(values: string[]) => (values.length ? (values as T[]) : undefined);
  const { facets } = search;
  return {
    q: search.q || undefined,
    theme: list(facets.theme),
    country: list(facets.country),
    language: list(facets.language),
    availability: list<NonNullable<ExpertQuery['availability']>[number]>(facets.availability),
    ...pageWindow(search.page, PAGE_SIZE),
  };
}
