import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApplicationInput } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { enrollmentKey } from './keys';

/**
 * Applies to a session. `idempotencyKey` is made once per form: a submit retried after a lost
 * answer gives back the same application rather than a 409.
 */
export function useCreateApplication(idempotencyKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationInput) =>
      unwrap(
        api.POST('/api/enrollment/applications', {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: enrollmentKey }),
  });
}
