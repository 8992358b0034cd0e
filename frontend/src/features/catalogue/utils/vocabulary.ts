import type {
  Audience,
  DeliveryMode,
  EventKind,
  ProgrammeKind,
  ProgrammeStatus,
  SessionKind,
  SessionStatus,
  TeachingLanguage,
} from '@/api/models';

// The catalogue's fixed vocabularies, in display order. Written as records over the generated
// types so that a code added to (or removed from) the API is a type error here until listed.
const codes = <T extends string>(record: Record<T, true>) => Object.keys(record) as T[];

export const DELIVERY_MODES = codes<DeliveryMode>({
  residential_seminar: true,
  e_learning: true,
  study_trip: true,
  internship: true,
  webinar: true,
  hybrid: true,
});

export const AUDIENCES = codes<Audience>({
  secretary_general: true,
  director_of_services: true,
  finance_director: true,
  technical_director: true,
  cooperation_director: true,
  hr_director: true,
  elected_official: true,
});

export const PROGRAMME_KINDS = codes<ProgrammeKind>({
  executive_master: true,
  college: true,
  event_series: true,
});

export const SESSION_KINDS = codes<SessionKind>({
  executive_master: true,
  college: true,
  event_series: true,
  event: true,
});

export const EVENT_KINDS = codes<EventKind>({
  conference: true,
  seminar: true,
  round_table: true,
  workshop: true,
  international_expert_seminar: true,
});

export const SESSION_STATUSES = codes<SessionStatus>({
  draft: true,
  published: true,
  applications_open: true,
  applications_closed: true,
  cancelled: true,
  completed: true,
});

export const PROGRAMME_STATUSES = codes<ProgrammeStatus>({
  draft: true,
  published: true,
  archived: true,
});

export const TEACHING_LANGUAGES = codes<TeachingLanguage>({
  fr: true,
  en: true,
  ar: true,
  pt: true,
});

export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
