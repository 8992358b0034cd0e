import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProgrammeUpdate } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { catalogueKey } from './keys';

export function useUpdateProgramme(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgrammeUpdate) =>
      unwrap(
        api.PATCH('/api/catalogue/programmes/{programme_id}', {
          params: { path: { programme_id: id } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKey }),
  });
}
