import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';
import { enrollmentKey } from './keys';

/** One application with its timeline (every move: who, when, why). */
export const applicationQueryOptions = (id: string, lang: Language) =>
  queryOptions({
    queryKey: [...enrollmentKey, 'applications', 'detail', id, lang] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/enrollment/applications/{application_id}', {
          params: { path: { application_id: id }, query: { lang } },
        }),
      ),
  });

export function useApplication(id: string, lang: Language) {
  return useQuery(applicationQueryOptions(id, lang));
}
