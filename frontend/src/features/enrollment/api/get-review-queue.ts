import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApplicationQueueQuery } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { enrollmentKey } from './keys';

export const QUEUE_PAGE_SIZE = 50;

/** Staff: every application matching the filters, oldest first, with status and country counts. */
export const reviewQueueQueryOptions = (query: ApplicationQueueQuery) =>
  queryOptions({
    queryKey: [...enrollmentKey, 'applications', 'queue', query] as const,
    queryFn: () => unwrap(api.GET('/api/enrollment/applications', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export function useReviewQueue(query: ApplicationQueueQuery) {
  return useQuery(reviewQueueQueryOptions(query));
}
