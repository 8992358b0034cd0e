import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';
import { publicationsKey } from './keys';

/** Record types, themes and licences, named in `lang` (for filters and the coordinators' form). */
export const vocabulariesQueryOptions = (lang: Language) =>
  queryOptions({
    queryKey: [...publicationsKey, 'vocabularies', lang] as const,
    queryFn: () =>
      unwrap(api.GET('/api/publications/vocabularies', { params: { query: { lang } } })),
    staleTime: Infinity,
  });

export function useVocabularies(lang: Language) {
  return useQuery(vocabulariesQueryOptions(lang));
}
