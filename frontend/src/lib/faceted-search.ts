import { startTransition, useOptimistic } from 'react';
import { useSearchParams } from 'react-router-dom';

// A faceted search (the experts directory, the library) lives in the address bar under the API's
// own parameter names (`?theme=local_finance&country=SN`): a link can be shared, bookmarked and
// followed back and forward, and it reads the same as the API call it makes.

export interface FacetedSearch<F extends string> {
  q: string;
  facets: Record<F, string[]>;
  /** From 1. */
  page: number;
}

export interface SearchSpec<F extends string> {
  /** The facets, in the order they are shown and written in the address. */
  facets: readonly F[];
  /**
   * Values the API would accept. A hand-edited or outdated link must not turn into an API error:
   * anything else is dropped when the address is read.
   */
  accepts: Record<F, (value: string) => boolean>;
}

export function readSearch<F extends string>(
  params: URLSearchParams,
  spec: SearchSpec<F>,
): FacetedSearch<F> {
  const facets = Object.fromEntries(
    spec.facets.map((facet) => [
      facet,
      [...new Set(params.getAll(facet).filter((value) => spec.accepts[facet](value)))],
    ]),
  ) as Record<F, string[]>;
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    facets,
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/** The address of a search: the same order of parameters every time, nothing empty. */
export function toSearchParams<F extends string>(
  search: FacetedSearch<F>,
  spec: SearchSpec<F>,
): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  for (const facet of spec.facets) {
    for (const value of search.facets[facet]) params.append(facet, value);
  }
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

/** A changed search starts again at its first page. */
export function withWords<F extends string>(search: FacetedSearch<F>, q: string): FacetedSearch<F> {
  return { ...search, q, page: 1 };
}

export function toggled<F extends string>(
  search: FacetedSearch<F>,
  facet: F,
  value: string,
  on: boolean,
): FacetedSearch<F> {
  const others = search.facets[facet].filter((v) => v !== value);
  return {
    ...search,
    page: 1,
    facets: { ...search.facets, [facet]: on ? [...others, value] : others },
  };
}

export function isFiltered<F extends string>(search: FacetedSearch<F>): boolean {
  return !!search.q || Object.values<string[]>(search.facets).some((values) => values.length > 0);
}

/** `limit`/`offset` of a page of `size` results. */
export function pageWindow(page: number, size: number) {
  return { limit: size, offset: (page - 1) * size };
}

/**
 * The search in the address, and `go` to change it. Each change is a new history entry, so Back
 * undoes the last filter. The router applies a new address in a transition: until it lands,
 * `shown` already has the change, or a ticked box would untick itself for a moment.
 */
export function useFacetedSearch<F extends string>(spec: SearchSpec<F>) {
  const [params, setParams] = useSearchParams();
  const search = readSearch(params, spec);
  const [shown, show] = useOptimistic(search);
  const go = (next: FacetedSearch<F>) =>
    startTransition(() => {
      show(next);
      setParams(toSearchParams(next, spec));
    });
  const pageHref = (page: number) => `?${toSearchParams({ ...search, page }, spec).toString()}`;
  return { search, shown, go, pageHref };
}
