import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DuplicatePair, DuplicateResolution } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { expertsKey } from './keys';

/**
 * Merge one profile into the other, or record that they are two people. `onSuccess` is the
 * hook's: the resolved pair leaves the lists, and the buttons that resolved it with it.
 */
export function useResolveDuplicate(
  candidateId: string,
  { onSuccess }: { onSuccess?: (pair: DuplicatePair, body: DuplicateResolution) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DuplicateResolution) =>
      unwrap(
        api.POST('/api/experts/duplicates/{candidate_id}/resolution', {
          params: { path: { candidate_id: candidateId } },
          body,
        }),
      ),
    onSuccess: (pair, body) => {
      onSuccess?.(pair, body);
      return queryClient.invalidateQueries({ queryKey: expertsKey });
    },
  });
}
