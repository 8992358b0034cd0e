import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecordDetail, RecordInput } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { publicationsKey } from './keys';

/**
 * A new record: a draft, seen by staff only until it is published. `onSuccess` runs before the
 * library's queries are read again, so the page can move on to the new record at once.
 */
export function useCreateRecord({
  onSuccess,
}: { onSuccess?: (record: RecordDetail) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordInput) => unwrap(api.POST('/api/publications/records', { body })),
    onSuccess: (record) => {
      onSuccess?.(record);
      return queryClient.invalidateQueries({ queryKey: publicationsKey });
    },
  });
}
