import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionInput } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { catalogueKey } from './keys';

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SessionInput) => unwrap(api.POST('/api/catalogue/sessions', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKey }),
  });
}
