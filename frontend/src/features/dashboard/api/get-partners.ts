import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';

// Partner institutions are a few dozen at most: one page holds them all.
const LIMIT = 100;

export const partnersQueryOptions = () =>
  queryOptions({
    queryKey: ['identity', 'organisations', { partner: true, limit: LIMIT }] as const,
    queryFn: () =>
      unwrap(api.GET('/api/identity/organisations', { params: { query: { partner: true, limit: LIMIT } } })),
    staleTime: 10 * 60_000,
  });

export function usePartners(enabled = true) {
  return useQuery({ ...partnersQueryOptions(), enabled });
}

/** What a partner takes part in, from the ids the other services keep (`partner=`). */
export function usePartnerActivities(id: string, lang: Language) {
  const partner = [id];
  const programmes = useQuery({
    queryKey: ['catalogue', 'programmes', 'list', { partner }, lang] as const,
    queryFn: () =>
      unwrap(api.GET('/api/catalogue/programmes', { params: { query: { partner, limit: LIMIT, lang } } })),
  });
  const sessions = useQuery({
    queryKey: ['catalogue', 'sessions', 'list', { partner, kind: 'sessions' }, lang] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/catalogue/sessions', {
          params: { query: { partner, kind: ['executive_master', 'college'], limit: LIMIT, lang } },
        }),
      ),
  });
  const events = useQuery({
    queryKey: ['catalogue', 'sessions', 'list', { partner, kind: 'events' }, lang] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/catalogue/sessions', {
          params: { query: { partner, kind: ['event', 'event_series'], limit: LIMIT, lang } },
        }),
      ),
  });
  const records = useQuery({
    queryKey: ['publications', 'records', 'list', { partner }, lang] as const,
    queryFn: () =>
      unwrap(api.GET('/api/publications/records', { params: { query: { partner, limit: LIMIT, lang } } })),
  });
  return { programmes, sessions, events, records };
}
