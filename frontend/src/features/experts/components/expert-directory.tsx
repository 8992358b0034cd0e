import { useTranslation } from 'react-i18next';
import { FacetFilter } from '@/components/ui/facets';
import { SearchLayout } from '@/components/ui/search-layout';
import { paths } from '@/config/paths';
import { isFiltered, toggled, useFacetedSearch, withWords } from '@/lib/faceted-search';
import { countryName, languageName } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useExperts } from '../api/get-experts';
import {
  directorySpec,
  FACETS,
  PAGE_SIZE,
  toExpertQuery,
  type Facet,
} from '../utils/directory-search';
import { AVAILABILITIES, isOneOf } from '../utils/vocabulary';
import { ExpertList } from './expert-list';

/** The public directory: words and facets in the address, results with facet counts. */
export function ExpertDirectory() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { search, shown, go, pageHref } = useFacetedSearch(directorySpec);
  const experts = useExperts(toExpertQuery(search), language);

  // A name for a chosen value the API no longer counts (it gives labels for the others).
  const labelOf = (facet: Facet) => (value: string) => {
    if (facet === 'country') return countryName(value, language);
    if (facet === 'language') return languageName(value, language);
    if (facet === 'availability' && isOneOf(AVAILABILITIES, value))
      return t(`experts.availability.${value}`);
    return value;
  };

  return (
    <SearchLayout
      texts={{
        region: t('experts.search.region'),
        label: t('experts.search.label'),
        placeholder: t('experts.search.placeholder'),
        submit: t('experts.search.submit'),
        results: t('experts.results.title'),
        count: (count) => t('experts.results.count', { count }),
        empty: t('experts.results.empty'),
        error: t('experts.results.error'),
      }}
      words={shown.q}
      onWords={(q) => go(withWords(shown, q))}
      filters={FACETS.map((facet) => (
        <FacetFilter
          key={facet}
          name={facet}
          legend={t(`experts.facets.${facet}`)}
          counted={experts.data?.facets[facet]}
          chosen={shown.facets[facet]}
          labelOf={labelOf(facet)}
          onToggle={(value, on) => go(toggled(shown, facet, value, on))}
        />
      ))}
      clearHref={isFiltered(shown) ? paths.experts : undefined}
      results={experts}
      page={search.page}
      pageSize={PAGE_SIZE}
      pageHref={pageHref}
    >
      <ExpertList experts={experts.data?.items ?? []} />
    </SearchLayout>
  );
}
