import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApplicationTransition } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { enrollmentKey } from './keys';

/** The learner's moves: submit a draft, confirm an offered seat, withdraw. */
export function useTransitionApplication(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationTransition) =>
      unwrap(
        api.POST('/api/enrollment/applications/{application_id}/transitions', {
          params: { path: { application_id: id } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: enrollmentKey }),
  });
}
