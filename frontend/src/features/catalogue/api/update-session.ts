import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionUpdate } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { catalogueKey } from './keys';

export function useUpdateSession(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SessionUpdate) =>
      unwrap(
        api.PATCH('/api/catalogue/sessions/{session_id}', {
          params: { path: { session_id: id } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKey }),
  });
}
