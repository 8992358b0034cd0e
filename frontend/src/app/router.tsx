import { lazy, type ReactNode } from 'react';
import { useRoutes, type RouteObject } from 'react-router-dom';
import { paths } from '@/config/paths';
import { RequireAuth, RequireStaff } from '@/lib/auth';
import { AppLayout } from './layout/app-layout';

// Every page is its own chunk: the first visit downloads the shell and the page it opens only.
const HomePage = lazy(() => import('./routes/home'));
const CataloguePage = lazy(() => import('./routes/catalogue'));
const ProgrammePage = lazy(() => import('./routes/programme'));
const SessionPage = lazy(() => import('./routes/session'));
const ApplyPage = lazy(() => import('./routes/apply'));
const MyApplicationsPage = lazy(() => import('./routes/my-applications'));
const CertificatePage = lazy(() => import('./routes/certificate'));
const EndorsePage = lazy(() => import('./routes/endorse'));
const ApplicationRedirect = lazy(() => import('./routes/application-redirect'));
const NotificationsPage = lazy(() => import('./routes/notifications'));
const ManageApplicationsPage = lazy(() => import('./routes/manage-applications'));
const ManageRosterPage = lazy(() => import('./routes/manage-roster'));
const RegisterPage = lazy(() => import('./routes/register'));
const LoginPage = lazy(() => import('./routes/login'));
const AccountPage = lazy(() => import('./routes/account'));
const LogoutPage = lazy(() => import('./routes/logout'));
const ManagePage = lazy(() => import('./routes/manage'));
const ManageNewProgrammePage = lazy(() => import('./routes/manage-new-programme'));
const ManageProgrammePage = lazy(() => import('./routes/manage-programme'));
const ManageNewSessionPage = lazy(() => import('./routes/manage-new-session'));
const ManageSessionPage = lazy(() => import('./routes/manage-session'));
const ExpertsPage = lazy(() => import('./routes/experts'));
const ExpertPage = lazy(() => import('./routes/expert'));
const JoinExpertsPage = lazy(() => import('./routes/experts-join'));
const MyExpertProfilePage = lazy(() => import('./routes/my-expert-profile'));
const ManageExpertsPage = lazy(() => import('./routes/manage-experts'));
const LibraryPage = lazy(() => import('./routes/library'));
const RecordPage = lazy(() => import('./routes/record'));
const PublicationRedirect = lazy(() => import('./routes/publication-redirect'));
const ManageLibraryPage = lazy(() => import('./routes/manage-library'));
const ManageNewRecordPage = lazy(() => import('./routes/manage-new-record'));
const ManageRecordPage = lazy(() => import('./routes/manage-record'));
const ManageDashboardPage = lazy(() => import('./routes/manage-dashboard'));
const ManageReportPage = lazy(() => import('./routes/manage-report'));
const PartnersPage = lazy(() => import('./routes/partners'));
const PartnerPage = lazy(() => import('./routes/partner'));
const NotFoundPage = lazy(() => import('./routes/not-found'));

const staff = (page: ReactNode) => <RequireStaff>{page}</RequireStaff>;

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { path: paths.home, element: <HomePage /> },
      { path: paths.catalogue, element: <CataloguePage /> },
      { path: paths.programme, element: <ProgrammePage /> },
      { path: paths.session, element: <SessionPage /> },
      {
        path: paths.apply,
        element: (
          <RequireAuth>
            <ApplyPage />
          </RequireAuth>
        ),
      },
      {
        path: paths.myApplications,
        element: (
          <RequireAuth>
            <MyApplicationsPage />
          </RequireAuth>
        ),
      },
      { path: paths.certificates, element: <CertificatePage /> },
      { path: paths.certificate, element: <CertificatePage /> },
      { path: paths.endorse, element: <EndorsePage /> },
      { path: paths.application, element: <ApplicationRedirect /> },
      {
        path: paths.notifications,
        element: (
          <RequireAuth>
            <NotificationsPage />
          </RequireAuth>
        ),
      },
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
      { path: paths.manage, element: staff(<ManagePage />) },
      { path: paths.manageNewProgramme, element: staff(<ManageNewProgrammePage />) },
      { path: paths.manageProgramme, element: staff(<ManageProgrammePage />) },
      { path: paths.manageNewSession, element: staff(<ManageNewSessionPage />) },
      { path: paths.manageSession, element: staff(<ManageSessionPage />) },
      { path: paths.experts, element: <ExpertsPage /> },
      { path: paths.expert, element: <ExpertPage /> },
      {
        path: paths.joinExperts,
        element: (
          <RequireAuth>
            <JoinExpertsPage />
          </RequireAuth>
        ),
      },
      {
        path: paths.myExpertProfile,
        element: (
          <RequireAuth>
            <MyExpertProfilePage />
          </RequireAuth>
        ),
      },
      { path: paths.manageExperts, element: staff(<ManageExpertsPage />) },
      { path: paths.manageApplications, element: staff(<ManageApplicationsPage />) },
      { path: paths.manageRoster, element: staff(<ManageRosterPage />) },
      { path: paths.library, element: <LibraryPage /> },
      { path: paths.record, element: <RecordPage /> },
      { path: paths.publicationRedirect, element: <PublicationRedirect /> },
      { path: paths.manageLibrary, element: staff(<ManageLibraryPage />) },
      { path: paths.manageNewRecord, element: staff(<ManageNewRecordPage />) },
      { path: paths.manageRecord, element: staff(<ManageRecordPage />) },
      { path: paths.manageDashboard, element: staff(<ManageDashboardPage />) },
      { path: paths.manageReport, element: staff(<ManageReportPage />) },
      { path: paths.partners, element: <PartnersPage /> },
      { path: paths.partner, element: <PartnerPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function AppRoutes() {
  return useRoutes(routes);
}
