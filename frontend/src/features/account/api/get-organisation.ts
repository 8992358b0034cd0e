import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

export const organisationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['identity', 'organisations', id] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/identity/organisations/{organisation_id}', {
          params: { path: { organisation_id: id } },
        }),
      ),
    staleTime: 10 * 60_000,
  });

/** The user's organisation, if they named one. */
export function useOrganisation(id: string | null) {
  return useQuery({ ...organisationQueryOptions(id ?? ''), enabled: id !== null });
}
