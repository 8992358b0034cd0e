import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExpertApplication, ExpertProfile } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { expertsKey } from './keys';

/**
 * Join the community: the profile is pending until a coordinator vets it. `onSuccess` runs before
 * the experts' queries are read again: the join page shows "already applied" once they are.
 */
export function useApply({ onSuccess }: { onSuccess?: (profile: ExpertProfile) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ExpertApplication) =>
      unwrap(api.POST('/api/experts/applications', { body })),
    onSuccess: (profile) => {
      onSuccess?.(profile);
      return queryClient.invalidateQueries({ queryKey: expertsKey });
    },
  });
}
