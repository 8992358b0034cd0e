import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CitationFormat } from '@/api/models';
import type { Language } from '@/config/languages';
import { api, unwrap } from '@/lib/api-client';
import { publicationsKey } from './keys';

/** The path of a record's citation file (also a download link). */
export function citationPath(id: string, format: CitationFormat, lang: Language): string {
  return `/api/publications/records/${encodeURIComponent(id)}/citation?format=${format}&lang=${lang}`;
}

/** A record's citation as text: BibTeX, RIS or CSL-JSON. */
export const citationQueryOptions = (id: string, format: CitationFormat, lang: Language) =>
  queryOptions({
    queryKey: [...publicationsKey, 'citation', id, format, lang] as const,
    queryFn: () =>
      unwrap<string>(
        api.GET('/api/publications/records/{record_id}/citation', {
          params: { path: { record_id: id }, query: { format, lang } },
          parseAs: 'text',
        }),
      ),
  });

export function useCitation(id: string, format: CitationFormat, lang: Language) {
  return useQuery(citationQueryOptions(id, format, lang));
}
