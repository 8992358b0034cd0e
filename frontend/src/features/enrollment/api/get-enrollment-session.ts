import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';
import { enrollmentKey } from './keys';

/** What the application form needs from the session: its questions, whether it is open, seats. */
export const enrollmentSessionQueryOptions = (id: string, lang: Language) =>
  queryOptions({
    queryKey: [...enrollmentKey, 'sessions', id, lang] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/enrollment/sessions/{session_id}', {
          params: { path: { session_id: id }, query: { lang } },
        }),
      ),
  });

export function useEnrollmentSession(id: string, lang: Language) {
  return useQuery(enrollmentSessionQueryOptions(id, lang));
}
