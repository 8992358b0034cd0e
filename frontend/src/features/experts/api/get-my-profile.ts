import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ExpertProfile } from '@/api/models';
import type { Language } from '@/config/languages';
import { api } from '@/lib/api-client';
import { ApiError, toProblem } from '@/lib/problem';
import { expertsKey } from './keys';

export const myProfileKey = [...expertsKey, 'me'] as const;

/** The signed-in person's own profile, whole (status, vetting note, e-mail); null before they apply. */
export const myProfileQueryOptions = (lang: Language) =>
  queryOptions({
    queryKey: [...myProfileKey, lang] as const,
    queryFn: async (): Promise<ExpertProfile | null> => {
      const { data, error, response } = await api.GET('/api/experts/me', {
        params: { query: { lang } },
      });
      // 404 means "has not applied yet": an answer, not a failure.
      if (response.status === 404) return null;
      if (!response.ok || !data)
        throw new ApiError(response.status, toProblem(error, response.status));
      return data;
    },
  });

export function useMyProfile(lang: Language) {
  return useQuery(myProfileQueryOptions(lang));
}
