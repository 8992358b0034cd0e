import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionTransition } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { catalogueKey } from './keys';

/** Publish, open or close applications, cancel (with a reason), complete. */
export function useTransitionSession(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SessionTransition) =>
      unwrap(
        api.POST('/api/catalogue/sessions/{session_id}/transitions', {
          params: { path: { session_id: id } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKey }),
  });
}
