import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';

/** The catalogue's 18 themes, which experts declare as their expertise. */
export const themesQueryOptions = (lang: Language) =>
  queryOptions({
    queryKey: ['catalogue', 'themes', 'all', lang] as const,
    queryFn: () =>
      unwrap(api.GET('/api/catalogue/themes', { params: { query: { lang, limit: 100 } } })),
    staleTime: Infinity,
  });

export function useThemes(lang: Language) {
  return useQuery(themesQueryOptions(lang));
}
