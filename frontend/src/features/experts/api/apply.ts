import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExpertApplication } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { expertsKey } from './keys';

/** Join the community: the profile is pending until a coordinator vets it. */
export function useApply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ExpertApplication) =>
      unwrap(api.POST('/api/experts/applications', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: expertsKey }),
  });
}
