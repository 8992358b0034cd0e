import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';

/** The 54 African countries, named in `lang` (the registration form reads the same list). */
export const countriesQueryOptions = (lang: Language) =>
  queryOptions({
    queryKey: ['identity', 'countries', lang] as const,
    queryFn: () => unwrap(api.GET('/api/identity/countries', { params: { query: { lang } } })),
    staleTime: Infinity,
  });

export function useCountries(lang: Language) {
  return useQuery(countriesQueryOptions(lang));
}
