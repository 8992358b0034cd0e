import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Roster } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { enrollmentKey } from './keys';

/** Staff: who holds a seat in the session, with their attendance so far. */
export const rosterQueryOptions = (sessionId: string) =>
  queryOptions({
    queryKey: [...enrollmentKey, 'sessions', sessionId, 'roster'] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/enrollment/sessions/{session_id}/roster', {
          params: { path: { session_id: sessionId } },
        }),
      ) as Promise<Roster>,
  });

export function useRoster(sessionId: string) {
  return useQuery(rosterQueryOptions(sessionId));
}

/** The roster as CSV (a plain link: the browser sends the session cookie). */
export function rosterCsvUrl(sessionId: string): string {
  return `/api/enrollment/sessions/${encodeURIComponent(sessionId)}/roster?format=csv`;
}
