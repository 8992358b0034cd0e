import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApplicationQuery } from '@/api/models';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';
import { expertsKey } from './keys';

/** Coordinators: profiles by status (pending: the vetting queue), each with its open duplicates. */
export const applicationsQueryOptions = (query: ApplicationQuery, lang: Language) =>
  queryOptions({
    queryKey: [...expertsKey, 'applications', query, lang] as const,
    queryFn: () =>
      unwrap(api.GET('/api/experts/applications', { params: { query: { ...query, lang } } })),
    placeholderData: keepPreviousData,
  });

export function useApplications(query: ApplicationQuery, lang: Language) {
  return useQuery(applicationsQueryOptions(query, lang));
}
