import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BulkTransition } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { enrollmentKey } from './keys';

/** Staff: one decision for one or many applications, all or nothing (409 names each at fault). */
export function useBulkTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkTransition) =>
      unwrap(api.POST('/api/enrollment/applications/bulk-transitions', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: enrollmentKey }),
  });
}
