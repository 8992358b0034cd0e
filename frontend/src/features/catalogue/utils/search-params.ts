import type { SessionQuery } from '@/api/models';
import {
  AUDIENCES,
  DELIVERY_MODES,
  isOneOf,
  SESSION_KINDS,
  TEACHING_LANGUAGES,
} from './vocabulary';

// The catalogue's search lives in the address bar, under the API's own parameter names
// (`?theme=local_finance&language=en&open=true`): a link can be shared, bookmarked and
// followed back and forward, and it reads the same as the API call it makes.

export const FACETS = ['theme', 'kind', 'mode', 'language', 'country', 'audience'] as const;
export type Facet = (typeof FACETS)[number];

export const PAGE_SIZE = 20;

export interface CatalogueSearch {
  q: string;
  facets: Record<Facet, string[]>;
  /** `YYYY-MM-DD` or empty. */
  from: string;
  to: string;
  /** Only sessions one can apply to now. */
  open: boolean;
  /** From 1. */
  page: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Z]{2}$/;
const THEME = /^[a-z0-9_-]{1,60}$/;

// A hand-edited or outdated link must not turn into an API error: values the API would refuse
// are dropped here.
const ACCEPTS: Record<Facet, (value: string) => boolean> = {
  theme: (v) => THEME.test(v),
  kind: (v) => isOneOf(SESSION_KINDS, v),
  mode: (v) => isOneOf(DELIVERY_MODES, v),
  language: (v) => isOneOf(TEACHING_LANGUAGES, v),
  country: (v) => COUNTRY.test(v),
  audience: (v) => isOneOf(AUDIENCES, v),
};

export function readSearch(params: URLSearchParams): CatalogueSearch {
  const facets = Object.fromEntries(
    FACETS.map((facet) => [facet, [...new Set(params.getAll(facet).filter(ACCEPTS[facet]))]]),
  ) as Record<Facet, string[]>;
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return DATE.test(value) ? value : '';
  };
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    facets,
    from: date('from'),
    to: date('to'),
    open: params.get('open') === 'true',
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/**
 * The API query for a search (the values are already checked by `readSearch`). Without a start
 * date the catalogue shows what is running or still to come (`today`): past sessions are there
 * for whoever picks an earlier date.
 */
export function toSessionQuery(search: CatalogueSearch, today: string): SessionQuery {
  const { facets } = search;
  const list = <T>(values: string[]) => (values.length ? (values as T[]) : undefined);
  return {
    q: search.q || undefined,
    theme: list(facets.theme),
    kind: list<NonNullable<SessionQuery['kind']>[number]>(facets.kind),
    mode: list<NonNullable<SessionQuery['mode']>[number]>(facets.mode),
    language: list<NonNullable<SessionQuery['language']>[number]>(facets.language),
    country: list(facets.country),
    audience: list<NonNullable<SessionQuery['audience']>[number]>(facets.audience),
    from: search.from || today,
    to: search.to || undefined,
    open: search.open || undefined,
    limit: PAGE_SIZE,
    offset: (search.page - 1) * PAGE_SIZE,
  };
}

/** The address of a search: the same order of parameters every time, nothing empty. */
export function toSearchParams(search: CatalogueSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  for (const facet of FACETS) {
    for (const value of search.facets[facet]) params.append(facet, value);
  }
  if (search.from) params.set('from', search.from);
  if (search.to) params.set('to', search.to);
  if (search.open) params.set('open', 'true');
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

/** A changed search starts again at its first page. */
export function changed(
  search: CatalogueSearch,
  change: Partial<CatalogueSearch>,
): CatalogueSearch {
  return { ...search, page: 1, ...change };
}

export function toggled(search: CatalogueSearch, facet: Facet, value: string, on: boolean) {
  const current = search.facets[facet].filter((v) => v !== value);
  return changed(search, {
    facets: { ...search.facets, [facet]: on ? [...current, value] : current },
  });
}

export function isFiltered(search: CatalogueSearch): boolean {
  return (
    !!search.q ||
    !!search.from ||
    !!search.to ||
    search.open ||
    FACETS.some((facet) => search.facets[facet].length > 0)
  );
}

/** How many filters (facet values, dates, "open") narrow the search; the words are not counted. */
export function activeFilters(search: CatalogueSearch): number {
  const values = FACETS.reduce((n, facet) => n + search.facets[facet].length, 0);
  return values + (search.from ? 1 : 0) + (search.to ? 1 : 0) + (search.open ? 1 : 0);
}
