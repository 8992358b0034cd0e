import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecordInput } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { publicationsKey } from './keys';

/** A new record: a draft, seen by staff only until it is published. */
export function useCreateRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordInput) => unwrap(api.POST('/api/publications/records', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicationsKey }),
  });
}
