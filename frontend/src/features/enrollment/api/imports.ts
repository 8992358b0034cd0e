import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { ImportBody, ImportJob } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { enrollmentKey } from './keys';

/** While a job is in one of these, its progress is polled. */
const RUNNING: readonly string[] = ['queued', 'validating', 'applying'];
const POLL_MS = 800;

export function importIsRunning(job: ImportJob | undefined): boolean {
  return !!job && RUNNING.includes(job.status);
}

/** Staff: send a CSV file; the service answers 202 with a job that runs after the answer. */
export function useStartImport(sessionId: string) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return unwrap(
        api.POST('/api/enrollment/sessions/{session_id}/imports', {
          params: { path: { session_id: sessionId } },
          // openapi-fetch passes a FormData body through as it is (the browser sets the boundary).
          body: form as unknown as ImportBody,
        }),
      );
    },
  });
}

/**
 * The job's progress (`processed`/`total`) and, at the end, its result: the service keeps both on
 * the job, so the page polls it while it runs and stops when it is completed or failed.
 */
export const importJobQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: [...enrollmentKey, 'imports', jobId] as const,
    queryFn: () =>
      unwrap(api.GET('/api/enrollment/imports/{job_id}', { params: { path: { job_id: jobId } } })),
    staleTime: 0,
    refetchInterval: (query) => (importIsRunning(query.state.data) ? POLL_MS : false),
  });

export function useImportJob(jobId: string | null, initial?: ImportJob) {
  return useQuery({
    ...importJobQueryOptions(jobId ?? ''),
    enabled: jobId !== null,
    initialData: initial && initial.id === jobId ? initial : undefined,
  });
}
