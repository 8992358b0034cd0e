import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Button } from './button';
import { Pagination } from './pagination';

export interface SearchTexts {
  /** The search form's name (a landmark). */
  region: string;
  label: string;
  placeholder: string;
  submit: string;
  /** The results' heading (their region's name). */
  results: string;
  count: (total: number) => string;
  empty: string;
  error: string;
}

interface SearchLayoutProps {
  texts: SearchTexts;
  /** The words searched, as shown in the box. */
  words: string;
  onWords: (q: string) => void;
  /** The facets, as FacetFilter groups. */
  filters: ReactNode;
  /** Where "clear all filters" leads; none when nothing is filtered. */
  clearHref?: string;
  /** The query's state: results are kept on screen (marked busy) while the next ones load. */
  results: {
    data?: { total: number; items: unknown[] };
    isPending: boolean;
    isFetching: boolean;
    isError: boolean;
  };
  /** The list of the current page of results. */
  children: ReactNode;
  page: number;
  pageSize: number;
  pageHref: (page: number) => string;
}

/**
 * A faceted search page (the experts directory, the library): the words and facets on one side,
 * the results on the other, with one live region saying how many were found.
 */
export function SearchLayout({
  texts,
  words,
  onWords,
  filters,
  clearHref,
  results,
  children,
  page,
  pageSize,
  pageHref,
}: SearchLayoutProps) {
  const { t } = useTranslation();
  const ids = { q: useId(), results: useId() };
  const { data } = results;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onWords(String(new FormData(event.currentTarget).get('q') ?? '').trim());
  }

  return (
    <div className="catalogue">
      <form
        role="search"
        aria-label={texts.region}
        className="catalogue-filters"
        onSubmit={handleSubmit}
      >
        <div className="field">
          <label htmlFor={ids.q}>{texts.label}</label>
          <div className="search-row">
            <input
              key={words}
              id={ids.q}
              type="search"
              name="q"
              maxLength={200}
              defaultValue={words}
              placeholder={texts.placeholder}
            />
            <Button type="submit">{texts.submit}</Button>
          </div>
        </div>
        {filters}
        {clearHref && (
          <p>
            <Link to={clearHref}>{t('listing.clear')}</Link>
          </p>
        )}
      </form>

      <section
        className="catalogue-results"
        aria-labelledby={ids.results}
        aria-busy={results.isFetching || undefined}
      >
        <h2 id={ids.results}>{texts.results}</h2>
        <p role="status" className="results-count">
          {data ? texts.count(data.total) : results.isPending ? t('app.loading') : null}
        </p>
        {results.isError && (
          <p role="alert" className="alert alert-error">
            {texts.error}
          </p>
        )}
        {data && data.items.length === 0 && <p>{texts.empty}</p>}
        {data && data.items.length > 0 && children}
        {data && <Pagination page={page} total={data.total} size={pageSize} href={pageHref} />}
      </section>
    </div>
  );
}
