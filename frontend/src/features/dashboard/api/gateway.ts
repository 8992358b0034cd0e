import { fetchWithRefresh } from '@/lib/api-client';
import { currentLanguage } from '@/lib/i18n';
import { ApiError, toProblem } from '@/lib/problem';

export const OVERVIEW_PATH = '/api/dashboard/overview';
export const REPORT_PATH = '/api/dashboard/report';

/** An address of the gateway's dashboard (a link the browser follows, or one fetched here). */
export function gatewayUrl(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** One of the gateway's own JSON paths (not in the typed client: see ../types.ts), with the
 * session refreshed on a 401 like every other call. */
export async function getGatewayJson<T>(path: string, params: URLSearchParams, signal?: AbortSignal): Promise<T> {
  const request = new Request(new URL(gatewayUrl(path, params), window.location.origin), {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Accept-Language': currentLanguage() },
    signal,
  });
  const response = await fetchWithRefresh(request);
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, toProblem(body, response.status));
  return body as T;
}
