import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './problem';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Connections are often slow or metered: no refetch on every focus, short retry budget.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change by retrying; a 5xx or a dropped connection may.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      },
    },
  });
}
