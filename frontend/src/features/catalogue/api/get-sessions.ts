import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionQuery } from '@/api/models';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';
import { catalogueKey } from './keys';

export const sessionsQueryOptions = (query: SessionQuery, lang: Language) =>
  queryOptions({
    queryKey: [...catalogueKey, 'sessions', 'list', query, lang] as const,
    queryFn: () =>
      unwrap(api.GET('/api/catalogue/sessions', { params: { query: { ...query, lang } } })),
    // Changing a filter keeps the previous results on screen until the new ones arrive,
    // rather than blanking the page on a slow connection.
    placeholderData: keepPreviousData,
  });

export function useSessions(query: SessionQuery, lang: Language) {
  return useQuery(sessionsQueryOptions(query, lang));
}
