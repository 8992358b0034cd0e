import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExpertProfile, ExpertTransition } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { expertsKey } from './keys';

/**
 * Verify, reject (a note is required: the applicant reads it) or archive. `onSuccess` is the
 * hook's, not `mutate`'s: the decision takes the profile out of the queue, so the card that made
 * it is gone (and `mutate`'s callbacks with it) by the time the queue is read again.
 */
export function useTransitionProfile(
  id: string,
  { onSuccess }: { onSuccess?: (profile: ExpertProfile, body: ExpertTransition) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ExpertTransition) =>
      unwrap(
        api.POST('/api/experts/profiles/{profile_id}/transitions', {
          params: { path: { profile_id: id } },
          body,
        }),
      ),
    onSuccess: (profile, body) => {
      onSuccess?.(profile, body);
      return queryClient.invalidateQueries({ queryKey: expertsKey });
    },
  });
}
