import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { notificationsKey } from './keys';

export const PAGE_SIZE = 20;

/** The signed-in person's in-app notifications, newest first. */
export const notificationsQueryOptions = (offset: number) =>
  queryOptions({
    queryKey: [...notificationsKey, 'list', offset] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/notifications/notifications', {
          params: { query: { limit: PAGE_SIZE, offset } },
        }),
      ),
  });

export function useNotifications(offset: number) {
  return useQuery(notificationsQueryOptions(offset));
}
