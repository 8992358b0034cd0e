import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';

export const countriesQueryOptions = (lang: Language) =>
  queryOptions({
    queryKey: ['identity', 'countries', lang] as const,
    queryFn: () => unwrap(api.GET('/api/identity/countries', { params: { query: { lang } } })),
    // The list of African countries does not change while the page is open.
    staleTime: Infinity,
  });

export function useCountries(lang: Language) {
  return useQuery(countriesQueryOptions(lang));
}
