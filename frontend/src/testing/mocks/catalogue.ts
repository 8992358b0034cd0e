import { http, HttpResponse } from 'msw';
import type {
  FacetValue,
  Module,
  Programme,
  ProgrammeDetail,
  Session,
  SessionDetail,
  SessionPage,
  Theme,
} from '@/api/models';
import { problem } from './handlers';

// A small catalogue shaped by the generated API types (a contract change breaks the tests'
// build too), and a stand-in for the service's search: filters, facet counts (each facet
// counted over the other filters only, as the API does) and pagination.

const PUBLIC = 'http://127.0.0.1:8000';

export const themes: Theme[] = [
  {
    code: 'local_finance',
    position: 11,
    title: 'Finances locales',
    summary: null,
    programme_count: 1,
    lang: 'fr',
    available_languages: ['en', 'fr'],
  },
  {
    code: 'participatory_budgeting',
    position: 3,
    title: 'Budget participatif',
    summary: null,
    programme_count: 1,
    lang: 'fr',
    available_languages: ['en', 'fr'],
  },
];

export function makeProgramme(overrides: Partial<Programme> = {}): Programme {
  const id = overrides.id ?? 'bb10bcf5-a0f3-4e0e-8f7a-3b02b7d62b9f';
  return {
    id,
    code: 'college-local-finance',
    kind: 'college',
    theme: 'local_finance',
    theme_title: 'Finances locales',
    status: 'published',
    title: 'Collège ALGA : Finances locales',
    summary: 'Mobiliser les ressources propres et préparer le budget.',
    duration: 'Session courte, de quelques jours',
    audiences: ['finance_director', 'secretary_general'],
    partner_institutions: ['Université Cadi Ayyad'],
    fee_amount: null,
    fee_currency: null,
    module_count: 0,
    total_hours: null,
    url: `${PUBLIC}/programmes/${id}`,
    published_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    lang: 'fr',
    available_languages: ['en', 'fr'],
    partner_ids: [],
    ...overrides,
  };
}

export const master = makeProgramme({
  id: '7ace8599-f2cd-4bdd-8d9f-2c4de47c093d',
  code: 'executive-master-city-management',
  kind: 'executive_master',
  theme: null,
  theme_title: null,
  title: 'Master exécutif en management des villes',
  module_count: 4,
  total_hours: 450,
});

export const college = makeProgramme();

export const masterModules: Module[] = [
  ['Séminaires en résidentiel', 120, 'residential_seminar'],
  ["Cours d'apprentissage en ligne", 150, 'e_learning'],
  ["Voyages d'étude", 40, 'study_trip'],
  ['Stages pratiques', 140, 'internship'],
].map(([title, hours, mode], index) => ({
  id: `module-${index + 1}`,
  programme_id: master.id,
  position: index + 1,
  title: title as string,
  summary: null,
  hours: hours as number,
  delivery_mode: mode as Module['delivery_mode'],
  lang: 'fr',
}));

export function makeSession(overrides: Partial<Session> = {}): Session {
  const id = overrides.id ?? '58c56617-410e-55ee-873a-f96df92a2f29';
  return {
    id,
    programme_id: college.id,
    programme_code: college.code,
    programme_title: college.title,
    module_id: null,
    module_title: null,
    kind: 'college',
    event_kind: null,
    theme: 'local_finance',
    theme_title: 'Finances locales',
    title: college.title,
    summary: college.summary,
    delivery_mode: 'residential_seminar',
    language: 'fr',
    starts_at: '2027-01-18T09:00:00+00:00',
    ends_at: '2027-01-22T17:00:00+00:00',
    timezone: 'Africa/Dakar',
    venue: { city: 'Dakar', country: 'SN', country_name: 'Sénégal', address: null },
    online: false,
    capacity: 30,
    applications_open_at: '2026-11-01T00:00:00+00:00',
    applications_close_at: '2026-12-20T23:00:00+00:00',
    applications_open: true,
    trainer_ids: [],
    audiences: ['finance_director', 'secretary_general'],
    status: 'applications_open',
    cancellation_reason: null,
    revision: 2,
    url: `${PUBLIC}/sessions/${id}`,
    ical_url: `${PUBLIC}/api/catalogue/sessions/${id}/calendar.ics`,
    published_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    lang: 'fr',
    available_languages: ['en', 'fr'],
    ...overrides,
  };
}

export const sessions: Session[] = [
  makeSession(),
  makeSession({
    id: 'a1d4c2e0-5b7f-4d7e-9a51-0c6f3d2b8e10',
    programme_id: null,
    programme_code: null,
    programme_title: null,
    kind: 'event',
    event_kind: 'round_table',
    theme: 'participatory_budgeting',
    theme_title: 'Budget participatif',
    title: 'Participatory budgeting in secondary cities',
    summary: null,
    delivery_mode: 'webinar',
    language: 'en',
    starts_at: '2027-02-03T10:00:00+01:00',
    ends_at: '2027-02-03T12:30:00+01:00',
    timezone: 'Africa/Casablanca',
    venue: null,
    online: true,
    capacity: 300,
    applications_open_at: null,
    applications_close_at: null,
    applications_open: false,
    status: 'published',
  }),
  makeSession({
    id: 'c3f5e7a9-1b2d-4f6a-8c0e-2d4f6a8c0e12',
    title: 'Collège ALGA : Finances locales (Rabat)',
    delivery_mode: 'hybrid',
    starts_at: '2027-03-08T09:00:00+01:00',
    ends_at: '2027-03-12T17:00:00+01:00',
    timezone: 'Africa/Casablanca',
    venue: { city: 'Rabat', country: 'MA', country_name: 'Maroc', address: null },
    online: true,
    capacity: 40,
    applications_open: false,
    status: 'applications_closed',
  }),
];

export function sessionDetail(session: Session): SessionDetail {
  return {
    ...session,
    trainers: session.trainer_ids.map((id) => ({ id, name: null, listed: false })),
    json_ld: {
      '@context': 'https://schema.org',
      '@type': session.programme_id ? 'CourseInstance' : 'Event',
      name: session.title,
      startDate: session.starts_at,
    },
  };
}

export function programmeDetail(programme: Programme): ProgrammeDetail {
  return {
    ...programme,
    description: null,
    objectives: ['Préparer et exécuter le budget local.'],
    prerequisites: null,
    fees: 'Précisés à l’ouverture des candidatures.',
    scholarships: 'Des bourses peuvent être accordées.',
    modules: programme.id === master.id ? masterModules : [],
    upcoming_sessions: sessions.filter((s) => s.programme_id === programme.id),
    json_ld: { '@context': 'https://schema.org', '@type': 'Course', name: programme.title },
  };
}

type Filter = (session: Session) => boolean;

const FACET_VALUE: Record<string, (s: Session) => string | string[] | null> = {
  theme: (s) => s.theme,
  kind: (s) => s.kind,
  mode: (s) => s.delivery_mode,
  language: (s) => s.language,
  country: (s) => s.venue?.country ?? null,
  audience: (s) => s.audiences,
  open: (s) => String(s.applications_open),
};

const LABELS: Record<string, (value: string) => string | null> = {
  theme: (v) => themes.find((t) => t.code === v)?.title ?? null,
  language: (v) => ({ fr: 'Français', en: 'Anglais' })[v] ?? null,
  country: (v) => ({ SN: 'Sénégal', MA: 'Maroc' })[v] ?? null,
};

function values(session: Session, facet: string): string[] {
  const value = FACET_VALUE[facet](session);
  return value === null ? [] : Array.isArray(value) ? value : [value];
}

/** What GET /sessions answers for these query parameters, over `all`. */
export function searchSessions(all: Session[], params: URLSearchParams): SessionPage {
  const statuses = params.getAll('status');
  const base: Filter[] = [
    (s) => (statuses.length ? statuses.includes(s.status) : s.status !== 'draft'),
  ];
  const q = params.get('q')?.toLowerCase();
  if (q) base.push((s) => s.title.toLowerCase().includes(q));
  const own: Record<string, Filter> = {};
  for (const facet of Object.keys(FACET_VALUE)) {
    const chosen = params.getAll(facet);
    if (chosen.length) own[facet] = (s) => values(s, facet).some((v) => chosen.includes(v));
  }
  const matches = (s: Session, but?: string) =>
    base.every((f) => f(s)) && Object.entries(own).every(([name, f]) => name === but || f(s));
  const found = all.filter((s) => matches(s));
  const facets: Record<string, FacetValue[]> = {};
  for (const facet of Object.keys(FACET_VALUE)) {
    const counts = new Map<string, number>();
    for (const s of all.filter((item) => matches(item, facet))) {
      for (const v of values(s, facet)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    facets[facet] = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([value, count]) => ({ value, count, label: LABELS[facet]?.(value) ?? null }));
  }
  const limit = Number(params.get('limit') ?? 20);
  const offset = Number(params.get('offset') ?? 0);
  return { items: found.slice(offset, offset + limit), total: found.length, limit, offset, facets };
}

// Default answers: the published catalogue above, as a visitor sees it.
export const catalogueHandlers = [
  http.get('/api/catalogue/themes', () =>
    HttpResponse.json({ items: themes, total: themes.length, limit: 100, offset: 0 }),
  ),
  http.get('/api/catalogue/programmes', ({ request }) => {
    const params = new URL(request.url).searchParams;
    const kinds = params.getAll('kind');
    const themeCodes = params.getAll('theme');
    const q = params.get('q')?.toLowerCase();
    const items = [master, college].filter(
      (p) =>
        (!kinds.length || kinds.includes(p.kind)) &&
        (!themeCodes.length || (p.theme !== null && themeCodes.includes(p.theme))) &&
        (!q || p.title.toLowerCase().includes(q)),
    );
    return HttpResponse.json({ items, total: items.length, limit: 100, offset: 0, facets: {} });
  }),
  http.get('/api/catalogue/programmes/:id', ({ params }) => {
    const programme = [master, college].find((p) => p.id === params.id || p.code === params.id);
    return programme
      ? HttpResponse.json(programmeDetail(programme))
      : problem(404, 'No programme with this id or code.');
  }),
  http.get('/api/catalogue/programmes/:id/modules', ({ params }) => {
    const items = params.id === master.id ? masterModules : [];
    return HttpResponse.json({ items, total: items.length, limit: 100, offset: 0 });
  }),
  http.get('/api/catalogue/sessions', ({ request }) =>
    HttpResponse.json(searchSessions(sessions, new URL(request.url).searchParams)),
  ),
  http.get('/api/catalogue/sessions/:id', ({ params }) => {
    const session = sessions.find((s) => s.id === params.id);
    return session
      ? HttpResponse.json(sessionDetail(session))
      : problem(404, 'No session with this id.');
  }),
];
