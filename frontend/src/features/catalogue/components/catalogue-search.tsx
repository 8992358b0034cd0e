import { startTransition, useId, useOptimistic, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { todayIso } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useSessions } from '../api/get-sessions';
import {
  changed,
  isFiltered,
  PAGE_SIZE,
  readSearch,
  toggled,
  toSearchParams,
  toSessionQuery,
  activeFilters,
  type CatalogueSearch as Search,
} from '../utils/search-params';
import { FacetFilters, FacetGroup } from './facet-filters';
import { ProgrammeMatches } from './programme-matches';
import { SessionList } from './session-summary';

function wideScreen(): boolean {
  return typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 48rem)').matches;
}

/** The catalogue's search: words, facets and dates in the address, results with facet counts. */
export function CatalogueSearch() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const ids = { q: useId(), from: useId(), to: useId(), results: useId() };
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const sessions = useSessions(toSessionQuery(search, todayIso()), language);
  // The router applies a new address in a transition: until it lands, the form shows the
  // change already, or a ticked box would untick itself for a moment (controlled inputs).
  const [shown, show] = useOptimistic(search);
  // Each change is a new history entry, so Back undoes the last filter.
  const go = (next: Search) =>
    startTransition(() => {
      show(next);
      setParams(toSearchParams(next));
    });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    go(changed(shown, { q }));
  }

  // On a phone the filters would push the results a few screens down: there they start folded.
  const [filtersOpen, setFiltersOpen] = useState(wideScreen);
  const active = activeFilters(shown);

  const data = sessions.data;
  const openCount = data?.facets.open?.find((f) => f.value === 'true')?.count ?? 0;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const pageHref = (page: number) => `?${toSearchParams({ ...search, page }).toString()}`;

  return (
    <div className="catalogue">
      <form
        role="search"
        aria-label={t('catalogue.search.region')}
        className="catalogue-filters"
        onSubmit={handleSubmit}
      >
        <div className="field">
          <label htmlFor={ids.q}>{t('catalogue.search.label')}</label>
          <div className="search-row">
            <input
              key={shown.q}
              id={ids.q}
              type="search"
              name="q"
              maxLength={200}
              defaultValue={shown.q}
              placeholder={t('catalogue.search.placeholder')}
            />
            <Button type="submit">{t('catalogue.search.submit')}</Button>
          </div>
        </div>
        <details
          className="filter-panel"
          open={filtersOpen}
          onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
        >
          <summary>
            {active
              ? t('catalogue.filters.active', { count: active })
              : t('catalogue.filters.title')}
          </summary>
          <FacetGroup legend={t('catalogue.facets.applications')}>
            <label className="facet-option">
              <input
                type="checkbox"
                name="open"
                checked={shown.open}
                onChange={(event) => go(changed(shown, { open: event.target.checked }))}
              />
              <span>{t('catalogue.facets.open')}</span>{' '}
              <span className="facet-count">
                {t('catalogue.facets.count', { count: openCount })}
              </span>
            </label>
          </FacetGroup>
          <FacetFilters
            search={shown}
            facets={data?.facets}
            onToggle={(facet, value, on) => go(toggled(shown, facet, value, on))}
          />
          <FacetGroup legend={t('catalogue.facets.dates')}>
            <p className="field-hint">{t('catalogue.facets.datesHint')}</p>
            <div className="date-range">
              <label htmlFor={ids.from}>{t('catalogue.facets.from')}</label>
              <input
                id={ids.from}
                type="date"
                name="from"
                value={shown.from}
                max={shown.to || undefined}
                onChange={(event) => go(changed(shown, { from: event.target.value }))}
              />
              <label htmlFor={ids.to}>{t('catalogue.facets.to')}</label>
              <input
                id={ids.to}
                type="date"
                name="to"
                value={shown.to}
                min={shown.from || undefined}
                onChange={(event) => go(changed(shown, { to: event.target.value }))}
              />
            </div>
          </FacetGroup>
        </details>
        {isFiltered(shown) && (
          <p>
            <Link to={paths.catalogue}>{t('catalogue.clear')}</Link>
          </p>
        )}
      </form>

      <div className="catalogue-results-column">
        <ProgrammeMatches search={search} />
        <section
          className="catalogue-results"
          aria-labelledby={ids.results}
          aria-busy={sessions.isFetching || undefined}
        >
          <h2 id={ids.results}>{t('catalogue.results.title')}</h2>
          {/* One live region for the results: "loading", then how many were found. */}
          <p role="status" className="results-count">
            {data
              ? t('catalogue.results.count', { count: data.total })
              : sessions.isPending
                ? t('app.loading')
                : null}
          </p>
          {sessions.isError && (
            <p role="alert" className="alert alert-error">
              {t('catalogue.results.error')}
            </p>
          )}
          {data && data.items.length === 0 && <p>{t('catalogue.results.empty')}</p>}
          {data && data.items.length > 0 && <SessionList sessions={data.items} />}
          {data && pages > 1 && (
            <nav aria-label={t('catalogue.pagination.label')} className="pagination">
              {search.page > 1 && (
                <Link to={pageHref(search.page - 1)} rel="prev">
                  {t('catalogue.pagination.previous')}
                </Link>
              )}
              <span>{t('catalogue.pagination.page', { page: search.page, pages })}</span>
              {search.page < pages && (
                <Link to={pageHref(search.page + 1)} rel="next">
                  {t('catalogue.pagination.next')}
                </Link>
              )}
            </nav>
          )}
        </section>
      </div>
    </div>
  );
}
