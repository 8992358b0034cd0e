import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AttendanceScan } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { enrollmentKey } from './keys';

/** Staff: the code read from a learner's QR code (camera, scanner or typed) marks them present. */
export function useScanAttendance(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AttendanceScan) =>
      unwrap(
        api.POST('/api/enrollment/sessions/{session_id}/attendance/scan', {
          params: { path: { session_id: sessionId } },
          body,
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: [...enrollmentKey, 'sessions', sessionId] }),
  });
}
