import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { expertsKey } from './keys';

/** Coordinators: pairs of profiles that may be one person, still to review. */
export const duplicatesQueryOptions = () =>
  queryOptions({
    queryKey: [...expertsKey, 'duplicates', 'open'] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/experts/duplicates', { params: { query: { status: 'open', limit: 100 } } }),
      ),
  });

export function useDuplicates() {
  return useQuery(duplicatesQueryOptions());
}
