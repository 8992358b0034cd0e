import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { onSessionExpired } from '@/lib/api-client';
import { userQueryOptions } from '@/lib/auth';

export function AppProvider({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  // A call refused even after a refresh means the session is over: show the visitor view.
  useEffect(
    () => onSessionExpired(() => queryClient.setQueryData(userQueryOptions().queryKey, null)),
    [queryClient],
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
