import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { publicationsKey } from './keys';

/** Take a file off a record (a published record keeps it in its earlier versions). */
export function useRemoveFile(recordId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) =>
      unwrap(
        api.DELETE('/api/publications/records/{record_id}/files/{file_id}', {
          params: { path: { record_id: recordId, file_id: fileId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicationsKey }),
  });
}
