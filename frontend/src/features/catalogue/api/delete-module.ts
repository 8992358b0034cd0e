import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { catalogueKey } from './keys';

export function useDeleteModule(programmeId: string, moduleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/catalogue/programmes/{programme_id}/modules/{module_id}', {
          params: { path: { programme_id: programmeId, module_id: moduleId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKey }),
  });
}
