import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ExpertQuery } from '@/api/models';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';
import { expertsKey } from './keys';

export const expertsQueryOptions = (query: ExpertQuery, lang: Language) =>
  queryOptions({
    queryKey: [...expertsKey, 'directory', query, lang] as const,
    queryFn: () =>
      unwrap(api.GET('/api/experts/experts', { params: { query: { ...query, lang } } })),
    // A changed filter keeps the previous results on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });

export function useExperts(query: ExpertQuery, lang: Language) {
  return useQuery(expertsQueryOptions(query, lang));
}
