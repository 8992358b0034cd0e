import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';
import { catalogueKey } from './keys';

// A programme has a handful of modules (the Master has four): one page holds them all.
const LIMIT = 100;

/** In order; `allVariants` (staff: the edit forms) adds every stored language variant. */
export const modulesQueryOptions = (programmeId: string, lang: Language, allVariants = false) =>
  queryOptions({
    queryKey: [...catalogueKey, 'programmes', 'modules', programmeId, lang, allVariants] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/catalogue/programmes/{programme_id}/modules', {
          params: {
            path: { programme_id: programmeId },
            query: { lang: allVariants ? 'all' : lang, limit: LIMIT },
          },
        }),
      ),
  });

/** The modules of the chosen programme; idle until one is chosen. */
export function useModules(programmeId: string, lang: Language, allVariants = false) {
  return useQuery({
    ...modulesQueryOptions(programmeId, lang, allVariants),
    enabled: programmeId !== '',
  });
}
