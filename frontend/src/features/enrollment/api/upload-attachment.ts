import { useMutation } from '@tanstack/react-query';
import type { AttachmentBody, AttachmentKind } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';

/** A PDF (CV, letter) added to an application once it exists; 413 and 415 are answers to show. */
export function useUploadAttachment() {
  return useMutation({
    mutationFn: ({ applicationId, kind, file }: { applicationId: string; kind: AttachmentKind; file: File }) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file, file.name);
      return unwrap(
        api.POST('/api/enrollment/applications/{application_id}/attachments', {
          params: { path: { application_id: applicationId } },
          // openapi-fetch passes a FormData body through as it is (the browser sets the boundary).
          body: form as unknown as AttachmentBody,
        }),
      );
    },
  });
}
