import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import type { EndorsementDecision } from '@/api/models';
import { api, unwrap } from '@/lib/api-client';
import { enrollmentKey } from './keys';

/**
 * Public, by the signed link only: the one application the endorser is asked about. A forged
 * link answers 404; a used, replaced or expired one 410 (never worth retrying).
 */
export const endorsementQueryOptions = (token: string, lang: Language) =>
  queryOptions({
    queryKey: [...enrollmentKey, 'endorsements', token, lang] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/enrollment/endorsements/{token}', {
          params: { path: { token }, query: { lang } },
        }),
      ),
  });

export function useEndorsement(token: string, lang: Language) {
  return useQuery(endorsementQueryOptions(token, lang));
}

/** Endorse or decline; the link works once, so the answer is what the page shows afterwards. */
export function useDecideEndorsement(token: string, lang: Language) {
  return useMutation({
    mutationFn: (body: EndorsementDecision) =>
      unwrap(
        api.POST('/api/enrollment/endorsements/{token}', {
          params: { path: { token }, query: { lang } },
          body,
        }),
      ),
  });
}
