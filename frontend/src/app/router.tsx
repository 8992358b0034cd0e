import { lazy } from 'react';
import { useRoutes, type RouteObject } from 'react-router-dom';
import { paths } from '@/config/paths';
import { RequireAuth } from '@/lib/auth';
import { AppLayout } from './layout/app-layout';

// Every page is its own chunk: the first visit downloads the shell and the page it opens only.
const HomePage = lazy(() => import('./routes/home'));
const CataloguePage = lazy(() => import('./routes/catalogue'));
const RegisterPage = lazy(() => import('./routes/register'));
const LoginPage = lazy(() => import('./routes/login'));
const AccountPage = lazy(() => import('./routes/account'));
const LogoutPage = lazy(() => import('./routes/logout'));
const NotFoundPage = lazy(() => import('./routes/not-found'));

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { path: paths.home, element: <HomePage /> },
      { path: paths.catalogue, element: <CataloguePage /> },
      { path: paths.register, element: <RegisterPage /> },
      { path: paths.login, element: <LoginPage /> },
      {
        path: paths.account,
        element: (
          <RequireAuth>
            <AccountPage />
          </RequireAuth>
        ),
      },
      { path: paths.logout, element: <LogoutPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function AppRoutes() {
  return useRoutes(routes);
}
