import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacetValue } from '@/api/models';
import { countryName, languageName } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { CatalogueSearch, Facet } from '../utils/search-params';
import { FACETS } from '../utils/search-params';
import { AUDIENCES, DELIVERY_MODES, isOneOf, SESSION_KINDS } from '../utils/vocabulary';

interface FacetFiltersProps {
  search: CatalogueSearch;
  /** Counts from the API; absent while the first answer is on its way. */
  facets?: Record<string, FacetValue[]>;
  onToggle: (facet: Facet, value: string, on: boolean) => void;
}

/** A name for a value the API gave no label for (a chosen value no session has any more). */
function useFallbackLabel() {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (facet: Facet, value: string): string => {
    if (facet === 'kind' && isOneOf(SESSION_KINDS, value)) return t(`sessionKind.${value}`);
    if (facet === 'mode' && isOneOf(DELIVERY_MODES, value)) return t(`deliveryMode.${value}`);
    if (facet === 'audience' && isOneOf(AUDIENCES, value)) return t(`audience.${value}`);
    if (facet === 'country') return countryName(value, language);
    if (facet === 'language') return languageName(value, language);
    return value;
  };
}

/**
 * One group of checkboxes per facet, each option with the number of sessions it would give.
 * A chosen value stays listed (with 0) even when no session has it, so it can be unchosen.
 */
export function FacetFilters({ search, facets, onToggle }: FacetFiltersProps) {
  const { t } = useTranslation();
  const fallback = useFallbackLabel();
  return (
    <>
      {FACETS.map((facet) => {
        const counted = facets?.[facet] ?? [];
        const chosen = search.facets[facet];
        const options = [
          ...counted.map((f) => ({ value: f.value, count: f.count, label: f.label })),
          ...chosen
            .filter((value) => !counted.some((f) => f.value === value))
            .map((value) => ({ value, count: 0, label: null })),
        ];
        if (options.length === 0) return null;
        return (
          <FacetGroup key={facet} legend={t(`catalogue.facets.${facet}`)}>
            {options.map((option) => (
              <label key={option.value} className="facet-option">
                <input
                  type="checkbox"
                  name={facet}
                  value={option.value}
                  checked={chosen.includes(option.value)}
                  onChange={(event) => onToggle(facet, option.value, event.target.checked)}
                />
                <span>{option.label || fallback(facet, option.value)}</span>{' '}
                <span className="facet-count">
                  {t('catalogue.facets.count', { count: option.count })}
                </span>
              </label>
            ))}
          </FacetGroup>
        );
      })}
    </>
  );
}

export function FacetGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      <div className="facet-options">{children}</div>
    </fieldset>
  );
}
