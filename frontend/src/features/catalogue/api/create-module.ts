import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ModuleInput } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { catalogueKey } from './keys';

export function useCreateModule(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ModuleInput) =>
      unwrap(
        api.POST('/api/catalogue/programmes/{programme_id}/modules', {
          params: { path: { programme_id: programmeId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKey }),
  });
}
