import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';
import { catalogueKey } from './keys';

/** Texts in `lang`; `allVariants` (staff: the edit form) adds every stored language variant. */
export const sessionQueryOptions = (id: string, lang: Language, allVariants = false) =>
  queryOptions({
    queryKey: [...catalogueKey, 'sessions', 'detail', id, lang, allVariants] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/catalogue/sessions/{session_id}', {
          params: { path: { session_id: id }, query: { lang: allVariants ? 'all' : lang } },
        }),
      ),
  });

export function useSession(id: string, lang: Language, allVariants = false) {
  return useQuery(sessionQueryOptions(id, lang, allVariants));
}
