import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecordUpdate } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { publicationsKey } from './keys';

/** Only the fields sent change; on a published record the change is a new version. */
export function useUpdateRecord(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordUpdate) =>
      unwrap(
        api.PATCH('/api/publications/records/{record_id}', {
          params: { path: { record_id: id } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicationsKey }),
  });
}
