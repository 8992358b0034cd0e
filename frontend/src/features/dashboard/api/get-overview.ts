import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Language } from '@/config/languages';
import type { Overview } from '../types';
import { filtersToParams, type Filters } from '../utils/filters';
import { getGatewayJson, OVERVIEW_PATH } from './gateway';

export const overviewQueryOptions = (filters: Filters, lang: Language) =>
  queryOptions({
    queryKey: ['dashboard', 'overview', filters, lang] as const,
    queryFn: ({ signal }) =>
      getGatewayJson<Overview>(OVERVIEW_PATH, filtersToParams(filters, { lang }), signal),
    // A new filter keeps the figures on screen until the new ones come (marked busy meanwhile).
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export function useOverview(filters: Filters, lang: Language) {
  return useQuery(overviewQueryOptions(filters, lang));
}
