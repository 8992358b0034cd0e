import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UploadBody } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { publicationsKey } from './keys';

/**
 * A document for a record, as multipart/form-data (`file`, optional `label`). The service checks
 * the type from the content and the size as it arrives: 415 and 413 are answers to show.
 */
export function useUploadFile(recordId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, label }: { file: File; label: string }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      if (label) form.append('label', label);
      return unwrap(
        api.POST('/api/publications/records/{record_id}/files', {
          params: { path: { record_id: recordId } },
          // openapi-fetch passes a FormData body through as it is (the browser sets the boundary);
          // the generated type can only describe the parts.
          body: form as unknown as UploadBody,
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicationsKey }),
  });
}
