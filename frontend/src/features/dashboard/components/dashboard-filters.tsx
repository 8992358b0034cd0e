import type { FormEvent } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/form';
import { useCountries } from '@/features/auth/api/get-countries';
import { useProgrammes } from '@/features/catalogue/api/get-programmes';
import { useThemes } from '@/features/catalogue/api/get-themes';
import { TEACHING_LANGUAGES } from '@/features/catalogue/utils/vocabulary';
import { languageName } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { usePartners } from '../api/get-partners';
import { useDashboardTranslation } from '../i18n';
import { filtersFromForm, filtersToParams, periodPresets, type FilterName, type Filters } from '../utils/filters';

interface DashboardFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** Which filters to offer (the donor report: the period only, say). */
  names?: readonly FilterName[];
}

/** A select's key: it mounts again once its options have come, so that its default value (from
 * the address) is chosen among them. Without it the browser keeps whichever option it had picked
 * while the list was loading, and a filter read from the address looked lost after a reload. */
function loaded(query: { data?: unknown }): string {
  return query.data ? 'loaded' : 'loading';
}

/** The filters, as a search form: applying them changes the address, which the page reads. */
export function DashboardFilters({
  filters,
  onChange,
  names = ['from', 'to', 'programme', 'theme', 'country', 'language', 'partner'],
}: DashboardFiltersProps) {
  const { d } = useDashboardTranslation();
  const language = currentLanguage();
  const { pathname } = useLocation();
  const offered = new Set(names);
  const programmes = useProgrammes({ limit: 100 }, language, offered.has('programme'));
  const themes = useThemes(language);
  const countries = useCountries(language);
  const partners = usePartners(offered.has('partner'));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onChange(filtersFromForm(event.currentTarget));
  }

  return (
    // Keyed on the filters: going back or following a preset refills the fields.
    <form
      key={filtersToParams(filters).toString()}
      className="form filters dashboard-filters"
      role="search"
      aria-label={d('filters.label')}
      onSubmit={submit}
    >
      {offered.has('from') && (
        <Field name="from" label={d('filters.from')}>
          {(props) => <input {...props} type="date" defaultValue={filters.from ?? ''} />}
        </Field>
      )}
      {offered.has('to') && (
        <Field name="to" label={d('filters.to')}>
          {(props) => <input {...props} type="date" defaultValue={filters.to ?? ''} />}
        </Field>
      )}
      {offered.has('programme') && (
        <Field name="programme" label={d('filters.programme')}>
          {(props) => (
            <select {...props} key={loaded(programmes)} defaultValue={filters.programme ?? ''}>
              <option value="">{d('filters.all')}</option>
              {programmes.data?.items.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
              {/* A programme from a shared address that the list does not hold is kept. */}
              {filters.programme && !programmes.data?.items.some((p) => p.id === filters.programme) && (
                <option value={filters.programme}>{filters.programme}</option>
              )}
            </select>
          )}
        </Field>
      )}
      {offered.has('theme') && (
        <Field name="theme" label={d('filters.theme')}>
          {(props) => (
            <select {...props} key={loaded(themes)} defaultValue={filters.theme ?? ''}>
              <option value="">{d('filters.all')}</option>
              {themes.data?.items.map((theme) => (
                <option key={theme.code} value={theme.code}>
                  {theme.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {offered.has('country') && (
        <Field name="country" label={d('filters.country')}>
          {(props) => (
            <select {...props} key={loaded(countries)} defaultValue={filters.country ?? ''}>
              <option value="">{d('filters.allCountries')}</option>
              {countries.data?.items.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
              {filters.country && !countries.data?.items.some((c) => c.code === filters.country) && (
                <option value={filters.country}>{filters.country}</option>
              )}
            </select>
          )}
        </Field>
      )}
      {offered.has('language') && (
        <Field name="language" label={d('filters.language')}>
          {(props) => (
            <select {...props} defaultValue={filters.language ?? ''}>
              <option value="">{d('filters.all')}</option>
              {TEACHING_LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {languageName(code, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {offered.has('partner') && (
        <Field name="partner" label={d('filters.partner')}>
          {(props) => (
            <select {...props} key={loaded(partners)} defaultValue={filters.partner ?? ''}>
              <option value="">{d('filters.allPartners')}</option>
              {partners.data?.items.map((partner) => (
                <option key={partner.id} value={partner.id}>
                  {partner.name}
                </option>
              ))}
              {filters.partner && !partners.data?.items.some((p) => p.id === filters.partner) && (
                <option value={filters.partner}>{filters.partner}</option>
              )}
            </select>
          )}
        </Field>
      )}
      <p className="actions">
        <Button type="submit" variant="primary">
          {d('filters.apply')}
        </Button>{' '}
        <Link to={pathname}>{d('filters.clear')}</Link>
      </p>
      {(offered.has('from') || offered.has('to')) && (
        <p className="dashboard-presets">
          {d('filters.presets')}{' '}
          {periodPresets().map((preset) => (
            <Link
              key={preset.id}
              to={`?${filtersToParams({ ...filters, from: preset.from, to: preset.to })}`}
            >
              {d(`filters.preset.${preset.id}`)}
            </Link>
          ))}
        </p>
      )}
    </form>
  );
}
