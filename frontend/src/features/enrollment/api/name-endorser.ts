import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EndorserInput } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { enrollmentKey } from './keys';

/** The applicant, before a decision: (re)name the endorser; a new link is sent, the old one stops working. */
export function useNameEndorser(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EndorserInput) =>
      unwrap(
        api.PUT('/api/enrollment/applications/{application_id}/endorser', {
          params: { path: { application_id: applicationId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: enrollmentKey }),
  });
}
