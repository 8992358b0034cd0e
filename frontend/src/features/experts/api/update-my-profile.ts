import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExpertProfileUpdate } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { expertsKey } from './keys';

export function useUpdateMyProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ExpertProfileUpdate) => unwrap(api.PATCH('/api/experts/me', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: expertsKey }),
  });
}
