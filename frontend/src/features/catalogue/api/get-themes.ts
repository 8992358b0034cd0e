import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';
import { catalogueKey } from './keys';

export const themesQueryOptions = (lang: Language) =>
  queryOptions({
    queryKey: [...catalogueKey, 'themes', lang] as const,
    queryFn: () =>
      unwrap(api.GET('/api/catalogue/themes', { params: { query: { lang, limit: 100 } } })),
    // The 18 themes are seeded; they do not change while the page is open.
    staleTime: Infinity,
  });

export function useThemes(lang: Language) {
  return useQuery(themesQueryOptions(lang));
}
