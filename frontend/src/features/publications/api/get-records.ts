import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { RecordQuery } from '@/api/models';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';
import { publicationsKey } from './keys';

/** The library's search (published records; staff may ask for drafts and withdrawn ones by `status`). */
export const recordsQueryOptions = (query: RecordQuery, lang: Language) =>
  queryOptions({
    queryKey: [...publicationsKey, 'records', query, lang] as const,
    queryFn: () =>
      unwrap(api.GET('/api/publications/records', { params: { query: { ...query, lang } } })),
    placeholderData: keepPreviousData,
  });

export function useRecords(query: RecordQuery, lang: Language) {
  return useQuery(recordsQueryOptions(query, lang));
}
