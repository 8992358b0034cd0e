import { useTranslation } from 'react-i18next';
import { FacetFilter } from '@/components/ui/facets';
import { SearchLayout } from '@/components/ui/search-layout';
import { paths } from '@/config/paths';
import { isFiltered, toggled, useFacetedSearch, withWords } from '@/lib/faceted-search';
import { languageName } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useRecords } from '../api/get-records';
import { FACETS, librarySpec, PAGE_SIZE, toRecordQuery, type Facet } from '../utils/library-search';
import { isOneOf, RECORD_TYPES } from '../utils/vocabulary';
import { RecordList } from './record-list';

/** The public library: words and facets in the address, results with facet counts. */
export function LibrarySearch() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { search, shown, go, pageHref } = useFacetedSearch(librarySpec);
  const records = useRecords(toRecordQuery(search), language);

  // A name for a chosen value the API no longer counts (it gives labels for the others).
  const labelOf = (facet: Facet) => (value: string) => {
    if (facet === 'type' && isOneOf(RECORD_TYPES, value)) return t(`library.type.${value}`);
    if (facet === 'language') return languageName(value, language);
    return value;
  };

  return (
    <SearchLayout
      texts={{
        region: t('library.search.region'),
        label: t('library.search.label'),
        placeholder: t('library.search.placeholder'),
        submit: t('library.search.submit'),
        results: t('library.results.title'),
        count: (count) => t('library.results.count', { count }),
        empty: t('library.results.empty'),
        error: t('library.results.error'),
      }}
      words={shown.q}
      onWords={(q) => go(withWords(shown, q))}
      filters={FACETS.map((facet) => (
        <FacetFilter
          key={facet}
          name={facet}
          legend={t(`library.facets.${facet}`)}
          counted={records.data?.facets[facet]}
          chosen={shown.facets[facet]}
          labelOf={labelOf(facet)}
          onToggle={(value, on) => go(toggled(shown, facet, value, on))}
        />
      ))}
      clearHref={isFiltered(shown) ? paths.library : undefined}
      results={records}
      page={search.page}
      pageSize={PAGE_SIZE}
      pageHref={pageHref}
    >
      <RecordList records={records.data?.items ?? []} />
    </SearchLayout>
  );
}
