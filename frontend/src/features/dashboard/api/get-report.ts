import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import type { Report } from '../types';
import { filtersToParams, type Filters } from '../utils/filters';
import { gatewayUrl, getGatewayJson, REPORT_PATH } from './gateway';

export const reportQueryOptions = (filters: Filters, lang: Language) =>
  queryOptions({
    queryKey: ['dashboard', 'report', filters, lang] as const,
    queryFn: ({ signal }) =>
      getGatewayJson<Report>(REPORT_PATH, filtersToParams(filters, { lang }), signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export function useReport(filters: Filters, lang: Language) {
  return useQuery(reportQueryOptions(filters, lang));
}

/** The gateway's CSV and printable page of the same report: plain links (the session cookie
 * goes with them), so the browser downloads the one and prints the other to PDF. */
export function reportLinks(filters: Filters, lang: Language) {
  const link = (format: 'csv' | 'html') =>
    gatewayUrl(REPORT_PATH, filtersToParams(filters, { lang, format }));
  return { csv: link('csv'), html: link('html') };
}
