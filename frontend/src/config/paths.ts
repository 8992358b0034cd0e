// Route patterns (for the router) and the links that fill them in. The programme and session
// pages are also where the catalogue service's calendars and JSON-LD point (`/programmes/{id}`,
// `/sessions/{id}`): keep them in step with it.
export const paths = {
  home: '/',
  catalogue: '/catalogue',
  programme: '/programmes/:idOrCode',
  session: '/sessions/:sessionId',
  apply: '/sessions/:sessionId/apply',
  // Enrollment: the learner's space and the public check of a certificate. The enrollment service
  // builds `/verify/{code}` (the certificate's QR code) and `/endorse/{token}` (the endorser's
  // single-use link); notifications link an application as `/applications/{id}`.
  myApplications: '/me/applications',
  application: '/applications/:applicationId',
  certificates: '/certificates',
  certificate: '/verify/:code',
  endorse: '/endorse/:token',
  notifications: '/me/notifications',
  manageApplications: '/manage/applications',
  manageRoster: '/manage/sessions/:sessionId/roster',
  register: '/register',
  login: '/login',
  account: '/account',
  logout: '/logout',
  manage: '/manage',
  manageNewProgramme: '/manage/programmes/new',
  manageProgramme: '/manage/programmes/:programmeId',
  manageNewSession: '/manage/sessions/new',
  manageSession: '/manage/sessions/:sessionId',
  // The experts service's JSON-LD and CSV point at `/experts/{id}`.
  experts: '/experts',
  expert: '/experts/:expertId',
  joinExperts: '/experts/join',
  myExpertProfile: '/me/expert',
  manageExperts: '/manage/experts',
  // The library. The publications service (page_url, JSON-LD, citations) and the experts'
  // engagement history link a record's page as `/library/{id}`; `/publications/{id}`, which they
  // gave out before, redirects there.
  library: '/library',
  record: '/library/:recordId',
  publicationRedirect: '/publications/:recordId',
  manageLibrary: '/manage/library',
  manageNewRecord: '/manage/library/new',
  manageRecord: '/manage/library/:recordId',
  // The coordinators' dashboard and donor report; the partner institutions' pages.
  manageDashboard: '/manage/dashboard',
  manageReport: '/manage/report',
  partners: '/partners',
  partner: '/partners/:organisationId',
} as const;

const segment = encodeURIComponent;

export const links = {
  programme: (idOrCode: string) => `/programmes/${segment(idOrCode)}`,
  session: (id: string) => `/sessions/${segment(id)}`,
  apply: (id: string) => `/sessions/${segment(id)}/apply`,
  certificate: (code: string) => `/verify/${segment(code)}`,
  manageRoster: (sessionId: string) => `/manage/sessions/${segment(sessionId)}/roster`,
  manageProgramme: (id: string) => `/manage/programmes/${segment(id)}`,
  manageSession: (id: string) => `/manage/sessions/${segment(id)}`,
  /** A new session, with its programme already chosen when given. */
  manageNewSession: (programmeId?: string) =>
    programmeId
      ? `${paths.manageNewSession}?programme=${segment(programmeId)}`
      : paths.manageNewSession,
  expert: (id: string) => `/experts/${segment(id)}`,
  record: (id: string) => `/library/${segment(id)}`,
  manageRecord: (id: string) => `/manage/library/${segment(id)}`,
  partners: () => '/partners',
  partner: (id: string) => `/partners/${segment(id)}`,
  /** The catalogue with a search already typed in. */
  search: (q: string) => (q ? `${paths.catalogue}?q=${segment(q)}` : paths.catalogue),
} as const;
