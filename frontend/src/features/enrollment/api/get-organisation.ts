import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

// The same key as the account page's, so the name is fetched once for both.
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

/** The applicant's organisation, to prefill the form. */
export function useOrganisation(id: string | null) {
  return useQuery({ ...organisationQueryOptions(id ?? ''), enabled: id !== null });
}
