import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProgrammeInput } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { catalogueKey } from './keys';

export function useCreateProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgrammeInput) => unwrap(api.POST('/api/catalogue/programmes', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKey }),
  });
}
