import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';
import { enrollmentKey } from './keys';

/** The signed-in learner's certificates. */
export const myCertificatesQueryOptions = (lang: Language) =>
  queryOptions({
    queryKey: [...enrollmentKey, 'certificates', 'mine', lang] as const,
    queryFn: () =>
      unwrap(api.GET('/api/enrollment/certificates', { params: { query: { lang, limit: 100 } } })),
  });

export function useMyCertificates(lang: Language) {
  return useQuery(myCertificatesQueryOptions(lang));
}

/** The certificate's PDF (holder and staff only), through the gateway. */
export function certificatePdfUrl(code: string): string {
  return `/api/enrollment/certificates/${encodeURIComponent(code)}/pdf`;
}
