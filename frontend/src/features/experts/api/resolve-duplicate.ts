import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DuplicateResolution } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { expertsKey } from './keys';

/** Merge one profile into the other, or record that they are two people. */
export function useResolveDuplicate(candidateId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DuplicateResolution) =>
      unwrap(
        api.POST('/api/experts/duplicates/{candidate_id}/resolution', {
          params: { path: { candidate_id: candidateId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: expertsKey }),
  });
}
