import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExpertTransition } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { expertsKey } from './keys';

/** Verify, reject (a note is required: the applicant reads it) or archive. */
export function useTransitionProfile(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ExpertTransition) =>
      unwrap(
        api.POST('/api/experts/profiles/{profile_id}/transitions', {
          params: { path: { profile_id: id } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: expertsKey }),
  });
}
