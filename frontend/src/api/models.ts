// Names for the generated API types used across the app, derived from the public paths
// (which only change with a decision record) rather than from component names.
import type { paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type RequestJson<Op> = Op extends { requestBody?: infer RB } ? Json<NonNullable<RB>> : never;

type Identity = {
  register: paths['/api/identity/auth/register']['post'];
  login: paths['/api/identity/auth/login']['post'];
  me: paths['/api/identity/users/me'];
  countries: paths['/api/identity/countries']['get'];
  organisations: paths['/api/identity/organisations']['get'];
};

export type User = Json<Identity['me']['get']['responses'][200]>;
export type UserUpdate = RequestJson<Identity['me']['patch']>;
export type RegisterInput = RequestJson<Identity['register']>;
export type LoginInput = RequestJson<Identity['login']>;
export type LoginResult = Json<Identity['login']['responses'][200]>;
export type CountryList = Json<Identity['countries']['responses'][200]>;
export type Country = CountryList['items'][number];
export type OrganisationPage = Json<Identity['organisations']['responses'][200]>;
export type Organisation = OrganisationPage['items'][number];
export type Gender = NonNullable<RegisterInput['gender']>;

type Catalogue = {
  themes: paths['/api/catalogue/themes']['get'];
  programmes: paths['/api/catalogue/programmes'];
  programme: paths['/api/catalogue/programmes/{programme_id}'];
  programmeTransition: paths['/api/catalogue/programmes/{programme_id}/transitions']['post'];
  modules: paths['/api/catalogue/programmes/{programme_id}/modules'];
  module: paths['/api/catalogue/programmes/{programme_id}/modules/{module_id}'];
  sessions: paths['/api/catalogue/sessions'];
  session: paths['/api/catalogue/sessions/{session_id}'];
  sessionTransition: paths['/api/catalogue/sessions/{session_id}/transitions']['post'];
};

export type ThemePage = Json<Catalogue['themes']['responses'][200]>;
export type Theme = ThemePage['items'][number];
export type ProgrammeQuery = NonNullable<Catalogue['programmes']['get']['parameters']['query']>;
export type ProgrammePage = Json<Catalogue['programmes']['get']['responses'][200]>;
export type Programme = ProgrammePage['items'][number];
export type ProgrammeDetail = Json<Catalogue['programme']['get']['responses'][200]>;
export type ProgrammeInput = RequestJson<Catalogue['programmes']['post']>;
export type ProgrammeUpdate = RequestJson<Catalogue['programme']['patch']>;
export type ProgrammeAction = RequestJson<Catalogue['programmeTransition']>['action'];
export type ProgrammeKind = Programme['kind'];
export type ProgrammeStatus = Programme['status'];
export type Module = ProgrammeDetail['modules'][number];
export type ModuleInput = RequestJson<Catalogue['modules']['post']>;
export type ModuleUpdate = RequestJson<Catalogue['module']['patch']>;
export type SessionQuery = NonNullable<Catalogue['sessions']['get']['parameters']['query']>;
export type SessionPage = Json<Catalogue['sessions']['get']['responses'][200]>;
export type Session = SessionPage['items'][number];
export type SessionDetail = Json<Catalogue['session']['get']['responses'][200]>;
export type SessionInput = RequestJson<Catalogue['sessions']['post']>;
export type SessionUpdate = RequestJson<Catalogue['session']['patch']>;
export type SessionTransition = RequestJson<Catalogue['sessionTransition']>;
export type SessionAction = SessionTransition['action'];
export type SessionKind = Session['kind'];
export type SessionStatus = Session['status'];
export type EventKind = NonNullable<Session['event_kind']>;
export type DeliveryMode = Session['delivery_mode'];
export type Audience = Session['audiences'][number];
export type TeachingLanguage = SessionInput['language'];
export type FacetValue = SessionPage['facets'][string][number];

type Experts = {
  directory: paths['/api/experts/experts']['get'];
  expert: paths['/api/experts/experts/{profile_id}']['get'];
  apply: paths['/api/experts/applications']['post'];
  applications: paths['/api/experts/applications']['get'];
  me: paths['/api/experts/me'];
  transition: paths['/api/experts/profiles/{profile_id}/transitions']['post'];
  duplicates: paths['/api/experts/duplicates']['get'];
  resolution: paths['/api/experts/duplicates/{candidate_id}/resolution']['post'];
};

export type ExpertQuery = NonNullable<Experts['directory']['parameters']['query']>;
export type ExpertPage = Json<Experts['directory']['responses'][200]>;
export type ExpertSummary = ExpertPage['items'][number];
export type ExpertDetail = Json<Experts['expert']['responses'][200]>;
export type Engagement = ExpertDetail['engagements'][number];
export type ExpertLanguage = ExpertDetail['languages'][number];
export type Availability = ExpertSummary['availability'];
export type LanguageLevel = ExpertLanguage['level'];
export type ExpertApplication = RequestJson<Experts['apply']>;
export type ExpertProfile = Json<Experts['apply']['responses'][201]>;
export type ExpertProfileUpdate = RequestJson<Experts['me']['patch']>;
export type ExpertProfileStatus = ExpertProfile['status'];
export type ApplicationQuery = NonNullable<Experts['applications']['parameters']['query']>;
export type ApplicationPage = Json<Experts['applications']['responses'][200]>;
export type ExpertTransition = RequestJson<Experts['transition']>;
export type DuplicateCandidate = NonNullable<ExpertProfile['duplicate_candidates']>[number];
export type DuplicatePage = Json<Experts['duplicates']['responses'][200]>;
export type DuplicatePair = DuplicatePage['items'][number];
export type DuplicateResolution = RequestJson<Experts['resolution']>;

type Publications = {
  records: paths['/api/publications/records'];
  record: paths['/api/publications/records/{record_id}'];
  citation: paths['/api/publications/records/{record_id}/citation']['get'];
  transition: paths['/api/publications/records/{record_id}/transitions']['post'];
  files: paths['/api/publications/records/{record_id}/files']['post'];
  vocabularies: paths['/api/publications/vocabularies']['get'];
};

export type RecordQuery = NonNullable<Publications['records']['get']['parameters']['query']>;
export type RecordPage = Json<Publications['records']['get']['responses'][200]>;
/** A library record (not `Record`: that name is TypeScript's own). */
export type LibraryRecord = RecordPage['items'][number];
export type RecordDetail = Json<Publications['record']['get']['responses'][200]>;
export type RecordInput = RequestJson<Publications['records']['post']>;
export type RecordUpdate = RequestJson<Publications['record']['patch']>;
export type RecordTransition = RequestJson<Publications['transition']>;
export type RecordAction = RecordTransition['action'];
export type RecordType = LibraryRecord['type'];
export type RecordStatus = LibraryRecord['status'];
export type RecordAuthor = LibraryRecord['authors'][number];
export type RecordAuthorInput = NonNullable<RecordInput['authors']>[number];
export type RecordFile = LibraryRecord['files'][number];
export type Licence = RecordInput['licence'];
type CitationQuery = NonNullable<Publications['citation']['parameters']['query']>;
export type CitationFormat = NonNullable<CitationQuery['format']>;
type UploadRequest = NonNullable<Publications['files']['requestBody']>;
export type UploadBody = UploadRequest['content']['multipart/form-data'];
export type Vocabularies = Json<Publications['vocabularies']['responses'][200]>;

type Enrollment = {
  applications: paths['/api/enrollment/applications'];
  application: paths['/api/enrollment/applications/{application_id}']['get'];
  transition: paths['/api/enrollment/applications/{application_id}/transitions']['post'];
  attachments: paths['/api/enrollment/applications/{application_id}/attachments']['post'];
  session: paths['/api/enrollment/sessions/{session_id}']['get'];
  certificates: paths['/api/enrollment/certificates']['get'];
  certificate: paths['/api/enrollment/certificates/{code}']['get'];
};

export type ApplicationInput = RequestJson<Enrollment['applications']['post']>;
export type EnrollmentApplicationPage = Json<Enrollment['applications']['get']['responses'][200]>;
export type EnrollmentApplication = EnrollmentApplicationPage['items'][number];
export type EnrollmentApplicationDetail = Json<Enrollment['application']['responses'][200]>;
export type TimelineEntry = EnrollmentApplicationDetail['timeline'][number];
export type ApplicationTransition = RequestJson<Enrollment['transition']>;
export type ApplicationAction = ApplicationTransition['action'];
type AttachmentRequest = NonNullable<Enrollment['attachments']['requestBody']>;
export type AttachmentBody = AttachmentRequest['content']['multipart/form-data'];
export type AttachmentKind = AttachmentBody['kind'];
export type EnrollmentSession = Json<Enrollment['session']['responses'][200]>;
export type CertificatePage = Json<Enrollment['certificates']['responses'][200]>;
export type Certificate = CertificatePage['items'][number];
export type CertificateVerification = Json<Enrollment['certificate']['responses'][200]>;

type Notifications = {
  list: paths['/api/notifications/notifications']['get'];
  unread: paths['/api/notifications/notifications/unread-count']['get'];
  readAll: paths['/api/notifications/notifications/read-all']['post'];
};

export type NotificationPage = Json<Notifications['list']['responses'][200]>;
export type AppNotification = NotificationPage['items'][number];
export type UnreadCount = Json<Notifications['unread']['responses'][200]>;
export type ReadAllResult = Json<Notifications['readAll']['responses'][200]>;
export type ApplicationQueueQuery = NonNullable<Enrollment['applications']['get']['parameters']['query']>;
export type BulkTransition = RequestJson<paths['/api/enrollment/applications/bulk-transitions']['post']>;
export type Roster = Json<paths['/api/enrollment/sessions/{session_id}/roster']['get']['responses'][200]>;
export type RosterEntry = Roster['items'][number];
export type AttendanceSheet = Json<paths['/api/enrollment/sessions/{session_id}/attendance']['get']['responses'][200]>;
export type AttendanceDay = RequestJson<paths['/api/enrollment/sessions/{session_id}/attendance/{day}']['put']>;
// Enrollment: the endorser's link, bulk enrolment from CSV, attendance by QR code, completion, placements.
type EnrollmentStaff = {
  endorsement: paths['/api/enrollment/endorsements/{token}'];
  importStart: paths['/api/enrollment/sessions/{session_id}/imports']['post'];
  importJob: paths['/api/enrollment/imports/{job_id}']['get'];
  scan: paths['/api/enrollment/sessions/{session_id}/attendance/scan']['post'];
  completion: paths['/api/enrollment/sessions/{session_id}/completion']['post'];
  placement: paths['/api/enrollment/applications/{application_id}/placement']['put'];
};
export type EndorsementView = Json<EnrollmentStaff['endorsement']['get']['responses'][200]>;
export type EndorsementDecision = RequestJson<EnrollmentStaff['endorsement']['post']>;
type ImportRequest = NonNullable<EnrollmentStaff['importStart']['requestBody']>;
export type ImportBody = ImportRequest['content']['multipart/form-data'];
export type ImportJob = Json<EnrollmentStaff['importJob']['responses'][200]>;
export type AttendanceScan = RequestJson<EnrollmentStaff['scan']>;
export type ScanResult = Json<EnrollmentStaff['scan']['responses'][200]>;
export type CompletionResult = Json<EnrollmentStaff['completion']['responses'][200]>;
export type PlacementInput = RequestJson<EnrollmentStaff['placement']>;
export type EndorserInput = RequestJson<paths['/api/enrollment/applications/{application_id}/endorser']['put']>;
export type Placement = Json<EnrollmentStaff['placement']['responses'][200]>;
