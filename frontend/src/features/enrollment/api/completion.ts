import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { enrollmentKey } from './keys';

/**
 * Staff: applies the session's attendance rule; whoever meets it is completed and receives a
 * certificate, the others are listed.
 */
export function useApplyCompletionRule(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/enrollment/sessions/{session_id}/completion', {
          params: { path: { session_id: sessionId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: enrollmentKey }),
  });
}
