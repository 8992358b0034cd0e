import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

// Enough for a select of one country's organisations; a search box can replace it if lists grow.
const LIMIT = 100;

export const organisationsQueryOptions = (country: string) =>
  queryOptions({
    queryKey: ['identity', 'organisations', { country, limit: LIMIT }] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/identity/organisations', { params: { query: { country, limit: LIMIT } } }),
      ),
    staleTime: 10 * 60_000,
  });

/** Organisations of the chosen country; idle until a country is chosen. */
export function useOrganisations(country: string) {
  return useQuery({ ...organisationsQueryOptions(country), enabled: country !== '' });
}
