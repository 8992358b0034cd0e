import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecordTransition } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { publicationsKey } from './keys';

/** Publish a draft, or withdraw a published record with a reason (shown publicly; final). */
export function useTransitionRecord(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordTransition) =>
      unwrap(
        api.POST('/api/publications/records/{record_id}/transitions', {
          params: { path: { record_id: id } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicationsKey }),
  });
}
