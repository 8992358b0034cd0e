import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ProgrammeQuery } from '@/api/models';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';
import { catalogueKey } from './keys';

export const programmesQueryOptions = (query: ProgrammeQuery, lang: Language) =>
  queryOptions({
    queryKey: [...catalogueKey, 'programmes', 'list', query, lang] as const,
    queryFn: () =>
      unwrap(api.GET('/api/catalogue/programmes', { params: { query: { ...query, lang } } })),
    placeholderData: keepPreviousData,
  });

export function useProgrammes(query: ProgrammeQuery, lang: Language, enabled = true) {
  return useQuery({ ...programmesQueryOptions(query, lang), enabled });
}
