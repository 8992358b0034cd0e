import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ModuleUpdate } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { catalogueKey } from './keys';

export function useUpdateModule(programmeId: string, moduleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ModuleUpdate) =>
      unwrap(
        api.PATCH('/api/catalogue/programmes/{programme_id}/modules/{module_id}', {
          params: { path: { programme_id: programmeId, module_id: moduleId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKey }),
  });
}
