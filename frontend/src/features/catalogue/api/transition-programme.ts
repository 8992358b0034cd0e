import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProgrammeAction } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { catalogueKey } from './keys';

/** Publish or archive. */
export function useTransitionProgramme(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ProgrammeAction) =>
      unwrap(
        api.POST('/api/catalogue/programmes/{programme_id}/transitions', {
          params: { path: { programme_id: id } },
          body: { action },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKey }),
  });
}
