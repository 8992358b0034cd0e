import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RecordDetail } from '@/api/models';
import type { Language } from '@/config/languages';
import { api } from '@/lib/api-client';
import { ApiError, toProblem } from '@/lib/problem';
import { publicationsKey } from './keys';

/**
 * A withdrawn record: the API answers 410 with the reason, so that a link or a DOI that led here
 * still explains itself.
 */
export class RecordWithdrawn extends ApiError {
  readonly reason: string | null;
  readonly titles: Record<string, string>;

  constructor(body: unknown) {
    super(410, toProblem(body, 410));
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >;
    this.reason = typeof fields.reason === 'string' ? fields.reason : null;
    const titles = fields.record_title;
    this.titles =
      typeof titles === 'object' && titles !== null ? (titles as Record<string, string>) : {};
  }
}

/** Texts in `lang`; `allVariants` (staff: the edit form) adds every stored language variant. */
export const recordQueryOptions = (id: string, lang: Language, allVariants = false) =>
  queryOptions({
    queryKey: [...publicationsKey, 'record', id, lang, allVariants] as const,
    queryFn: async (): Promise<RecordDetail> => {
      const { data, error, response } = await api.GET('/api/publications/records/{record_id}', {
        params: { path: { record_id: id }, query: { lang: allVariants ? 'all' : lang } },
      });
      if (response.status === 410) throw new RecordWithdrawn(error);
      if (!response.ok || !data)
        throw new ApiError(response.status, toProblem(error, response.status));
      return data;
    },
  });

export function useRecord(id: string, lang: Language, allVariants = false) {
  return useQuery(recordQueryOptions(id, lang, allVariants));
}
