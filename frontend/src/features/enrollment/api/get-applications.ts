import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';
import { enrollmentKey } from './keys';

/** The signed-in learner's own applications (the service only gives a learner theirs). */
export const myApplicationsQueryOptions = (lang: Language) =>
  queryOptions({
    queryKey: [...enrollmentKey, 'applications', 'mine', lang] as const,
    queryFn: () =>
      unwrap(api.GET('/api/enrollment/applications', { params: { query: { lang, limit: 100 } } })),
  });

export function useMyApplications(lang: Language) {
  return useQuery(myApplicationsQueryOptions(lang));
}
