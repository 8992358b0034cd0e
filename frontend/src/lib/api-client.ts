import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '@/api/schema';
import { currentLanguage } from './i18n';
import { ApiError, toProblem } from './problem';

// Calls that must never trigger a session refresh: they either create the session or are the refresh.
const NO_REFRESH = /^\/api\/identity\/auth\/(login|register|refresh|logout)$/;
const REFRESH_PATH = '/api/identity/auth/refresh';

const sessionExpiredListeners = new Set<() => void>();

/** Runs `listener` whenever the API refuses the session and a refresh could not renew it. */
export function onSessionExpired(listener: () => void): () => void {
  sessionExpiredListeners.add(listener);
  return () => sessionExpiredListeners.delete(listener);
}

// Looked up on every call rather than captured once, so test doubles installed later apply.
const send = (request: Request) => globalThis.fetch(request);

let pendingRefresh: Promise<boolean> | null = null;

// Concurrent 401s share a single refresh: the refresh token may be single-use.
function refreshSession(): Promise<boolean> {
  pendingRefresh ??= send(
    new Request(new URL(REFRESH_PATH, window.location.origin), {
      method: 'POST',
      credentials: 'same-origin',
    }),
  )
    .then(
      (response) => response.ok,
      () => false,
    )
    .finally(() => {
      pendingRefresh = null;
    });
  return pendingRefresh;
}

/**
 * The session lives in HttpOnly cookies, so the SPA cannot see when the access token expires:
 * it learns it from a 401, renews the session once through the refresh cookie and replays the call.
 */
export async function fetchWithRefresh(request: Request): Promise<Response> {
  if (NO_REFRESH.test(new URL(request.url).pathname)) return send(request);
  const replay = request.clone();
  const response = await send(request);
  if (response.status !== 401) return response;
  if (await refreshSession()) {
    const retried = await send(replay);
    if (retried.status !== 401) return retried;
  }
  sessionExpiredListeners.forEach((listener) => listener());
  return response;
}

// Services answer messages (field errors included) in the reader's language when they can.
const acceptLanguage: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage());
    return request;
  },
};

export const api = createClient<paths>({
  // An absolute base: the browser resolves relative URLs by itself, test runtimes do not.
  baseUrl: window.location.origin,
  credentials: 'same-origin',
  fetch: fetchWithRefresh,
});
api.use(acceptLanguage);

/** Resolves to the response body, or throws an ApiError carrying the problem details. */
export async function unwrap<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw new ApiError(response.status, toProblem(error, response.status));
  return data as T;
}
