import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';
import { catalogueKey } from './keys';

/**
 * By id or by code (`college-local-finance`), texts in `lang`. `allVariants` (staff: the edit
 * forms) adds every stored language variant; the texts then follow Accept-Language, which the
 * API client sets to the same language.
 */
export const programmeQueryOptions = (idOrCode: string, lang: Language, allVariants = false) =>
  queryOptions({
    queryKey: [...catalogueKey, 'programmes', 'detail', idOrCode, lang, allVariants] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/catalogue/programmes/{programme_id}', {
          params: { path: { programme_id: idOrCode }, query: { lang: allVariants ? 'all' : lang } },
        }),
      ),
  });

export function useProgramme(idOrCode: string, lang: Language, allVariants = false) {
  return useQuery(programmeQueryOptions(idOrCode, lang, allVariants));
}
