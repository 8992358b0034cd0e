import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';
import { expertsKey } from './keys';

/** A public profile page (verified and consenting experts only: anyone else is a 404). */
export const expertQueryOptions = (id: string, lang: Language) =>
  queryOptions({
    queryKey: [...expertsKey, 'detail', id, lang] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/experts/experts/{profile_id}', {
          params: { path: { profile_id: id }, query: { lang } },
        }),
      ),
  });

export function useExpert(id: string, lang: Language) {
  return useQuery(expertQueryOptions(id, lang));
}
