import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';
import { enrollmentKey } from './keys';

/** Public: holder, programme, session, date and whether the certificate is valid or revoked. */
export const certificateVerificationQueryOptions = (code: string, lang: Language) =>
  queryOptions({
    queryKey: [...enrollmentKey, 'certificates', 'verify', code, lang] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/enrollment/certificates/{code}', {
          params: { path: { code }, query: { lang } },
        }),
      ),
  });

export function useCertificateVerification(code: string, lang: Language) {
  return useQuery(certificateVerificationQueryOptions(code, lang));
}
