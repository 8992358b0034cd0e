import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import type { LoginInput, RegisterInput, User } from '@/api/models';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import { api, unwrap } from './api-client';
import { ApiError, toProblem } from './problem';
import { useDocumentTitle } from './use-document-title';

// The signed-in user is shared state of the whole app (header, guards, account page), so it
// lives here rather than in one feature; features read and update it through these keys.
export const userQueryOptions = () =>
  queryOptions({
    queryKey: ['identity', 'users', 'me'] as const,
    queryFn: async (): Promise<User | null> => {
      const { data, error, response } = await api.GET('/api/identity/users/me');
      // 401 here means "no session" (the client already tried a refresh): a visitor, not a failure.
      if (response.status === 401) return null;
      if (!response.ok || !data) throw new ApiError(response.status, toProblem(error, response.status));
      return data;
    },
    staleTime: 5 * 60_000,
  });

export function useUser() {
  return useQuery(userQueryOptions());
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginInput) => unwrap(api.POST('/api/identity/auth/login', { body })),
    onSuccess: (result) => {
      queryClient.setQueryData(userQueryOptions().queryKey, result.user);
    },
  });
}

export function useRegister() {
  return useMutation({
    mutationFn: (body: RegisterInput) => unwrap(api.POST('/api/identity/auth/register', { body })),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/identity/auth/logout')),
    // Even if the call fails the visitor asked to leave: show them logged out and drop
    // everything else cached during the session (the user's key stays, observed by the header).
    onSettled: () => {
      const userKey = userQueryOptions().queryKey;
      queryClient.setQueryData(userKey, null);
      queryClient.removeQueries({
        predicate: (query) => JSON.stringify(query.queryKey) !== JSON.stringify(userKey),
      });
    },
  });
}

/** Renders its children for a signed-in user; sends a visitor to the login page and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const user = useUser();
  if (user.isPending) return <Loading />;
  if (!user.data) {
    const redirect = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`${paths.login}?redirect=${redirect}`} replace />;
  }
  return children;
}

const STAFF_ROLES = ['coordinator', 'admin'];

/** Coordinators and admins run the catalogue (the services check it again on every call). */
export function isStaff(user: User | null | undefined): boolean {
  return !!user && user.roles.some((role) => STAFF_ROLES.includes(role));
}

/**
 * Renders its children for coordinators and admins; sends a visitor to the login page and back,
 * and tells anyone else signed in that the page is not for them (the API would answer 403).
 */
export function RequireStaff({ children }: { children: ReactNode }) {
  const user = useUser();
  return <RequireAuth>{isStaff(user.data) ? children : <Forbidden />}</RequireAuth>;
}

function Forbidden() {
  const { t } = useTranslation();
  useDocumentTitle(t('forbidden.title'));
  return (
    <div className="narrow">
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.text')}</p>
    </div>
  );
}

/** A redirect target taken from the URL, kept on this site (no `//host` or absolute URLs). */
export function safeRedirect(target: string | null, fallback: string): string {
  return target && target.startsWith('/') && !target.startsWith('//') ? target : fallback;
}
