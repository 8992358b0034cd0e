import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserUpdate } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { userQueryOptions } from '@/lib/auth';

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserUpdate) => unwrap(api.PATCH('/api/identity/users/me', { body })),
    onSuccess: (user) => {
      // The PATCH answers the updated user: use it as is rather than fetching it again.
      queryClient.setQueryData(userQueryOptions().queryKey, user);
    },
  });
}
