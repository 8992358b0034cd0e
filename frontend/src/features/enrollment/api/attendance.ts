import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttendanceDay } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { enrollmentKey } from './keys';

export const attendanceQueryOptions = (sessionId: string) =>
  queryOptions({
    queryKey: [...enrollmentKey, 'sessions', sessionId, 'attendance'] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/enrollment/sessions/{session_id}/attendance', {
          params: { path: { session_id: sessionId } },
        }),
      ),
  });

export function useAttendance(sessionId: string) {
  return useQuery(attendanceQueryOptions(sessionId));
}

/** Staff: who was present on one day (the roster's percentages change with it). */
export function useRecordAttendance(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ day, body }: { day: string; body: AttendanceDay }) =>
      unwrap(
        api.PUT('/api/enrollment/sessions/{session_id}/attendance/{day}', {
          params: { path: { session_id: sessionId, day } },
          body,
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: [...enrollmentKey, 'sessions', sessionId] }),
  });
}
