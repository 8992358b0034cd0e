import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlacementInput } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { enrollmentKey } from './keys';

/** Staff: the host, tutor and report of an internship or a study trip. */
export function useSavePlacement(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlacementInput) =>
      unwrap(
        api.PUT('/api/enrollment/applications/{application_id}/placement', {
          params: { path: { application_id: applicationId } },
          body,
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: [...enrollmentKey, 'applications', 'detail', applicationId],
      }),
  });
}
