import { http, HttpResponse } from 'msw';
import type { ExpertDetail, ExpertPage, ExpertProfile, ExpertSummary } from '@/api/models';
import { problem } from './handlers';

// A small directory shaped by the generated API types (a contract change breaks the tests'
// build too), and a stand-in for the service's search: filters and facet counts, each facet
// counted over the other filters only, as the API does.

const PUBLIC = 'http://127.0.0.1:8000';

export function makeExpert(overrides: Partial<ExpertSummary> = {}): ExpertSummary {
  const id = overrides.id ?? '3c9a1f0e-5b7d-4a4e-9a51-0d2f8b6c1e01';
  return {
    id,
    full_name: 'Aïssatou Diallo',
    title: 'Dr',
    position: 'Directrice des finances',
    organisation: 'Ville de Dakar',
    country: 'SN',
    country_name: 'Sénégal',
    availability: 'available',
    themes: [{ code: 'local_finance', name: 'Finances locales' }],
    languages: [
      {
        tag: 'fr',
        language: 'fr',
        level: 'native',
        level_label: 'langue maternelle',
        name: 'français',
      },
    ],
    url: `${PUBLIC}/experts/${id}`,
    ...overrides,
  };
}

export const experts: ExpertSummary[] = [
  makeExpert(),
  makeExpert({
    id: '7d2b4c61-0f3e-4b8a-8c7d-5e6f7a8b9c02',
    full_name: 'Kwame Mensah',
    title: null,
    position: 'Urbaniste',
    organisation: null,
    country: 'GH',
    country_name: 'Ghana',
    availability: 'limited',
    themes: [
      { code: 'spatial_planning', name: 'Planification et organisation spatiale des territoires' },
    ],
    languages: [
      {
        tag: 'en',
        language: 'en',
        level: 'native',
        level_label: 'langue maternelle',
        name: 'anglais',
      },
    ],
  }),
  makeExpert({
    id: '9e8f7a6b-1c2d-4e3f-8a9b-0c1d2e3f4a03',
    full_name: 'Fatima Zahra El Amrani',
    title: 'Pr',
    country: 'MA',
    country_name: 'Maroc',
    themes: [
      { code: 'local_finance', name: 'Finances locales' },
      { code: 'participatory_budgeting', name: 'Budget participatif' },
    ],
  }),
];

const FACETS = {
  theme: (e: ExpertSummary) => e.themes.map((t) => t.code),
  country: (e: ExpertSummary) => [e.country],
  language: (e: ExpertSummary) => e.languages.map((l) => l.language),
  availability: (e: ExpertSummary) => [e.availability],
} as const;

const LABELS: Record<string, string> = {
  local_finance: 'Finances locales',
  spatial_planning: 'Planification et organisation spatiale des territoires',
  participatory_budgeting: 'Budget participatif',
  SN: 'Sénégal',
  GH: 'Ghana',
  MA: 'Maroc',
  fr: 'français',
  en: 'anglais',
  available: 'Disponible',
  limited: 'Disponibilité limitée',
};

export function searchExperts(all: ExpertSummary[], params: URLSearchParams): ExpertPage {
  const names = Object.keys(FACETS) as (keyof typeof FACETS)[];
  const passes = (e: ExpertSummary, except?: string) =>
    names.every((facet) => {
      const wanted = params.getAll(facet);
      return (
        facet === except || wanted.length === 0 || FACETS[facet](e).some((v) => wanted.includes(v))
      );
    }) &&
    (params.get('q') ?? '')
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .every((word) => `${e.full_name} ${e.position}`.toLowerCase().includes(word));
  const items = all.filter((e) => passes(e));
  const facets = Object.fromEntries(
    names.map((facet) => {
      const counts = new Map<string, number>();
      for (const e of all.filter((x) => passes(x, facet))) {
        for (const value of new Set(FACETS[facet](e)))
          counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      return [
        facet,
        [...counts].map(([value, count]) => ({ value, count, label: LABELS[value] ?? value })),
      ];
    }),
  );
  return { items, total: items.length, limit: 20, offset: 0, facets };
}

export const expertDetail: ExpertDetail = {
  ...experts[0],
  bio: 'Vingt ans de finances locales au Sénégal.',
  keywords: ['fiscalité locale'],
  work_countries: [{ code: 'ML', name: 'Mali' }],
  orcid: '0000-0002-1825-0097',
  orcid_url: 'https://orcid.org/0000-0002-1825-0097',
  links: [],
  years_of_experience: 20,
  available_from: null,
  available_until: null,
  verified_at: '2026-11-01T10:00:00Z',
  engagements: [
    {
      kind: 'publication',
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      role: 'author',
      title: 'Mobiliser les ressources propres des communes',
      status: 'published',
      year: 2026,
      details: {},
      url: `${PUBLIC}/library/a1b2c3d4-0000-4000-8000-000000000001`,
    },
  ],
  json_ld: { '@context': 'https://schema.org', '@type': 'Person', name: 'Aïssatou Diallo' },
  lang: 'fr',
  available_languages: ['fr'],
};

export function makeProfile(overrides: Partial<ExpertProfile> = {}): ExpertProfile {
  return {
    ...expertDetail,
    id: '5f4e3d2c-1b0a-4987-8654-3210fedcba04',
    status: 'pending',
    listed: false,
    public_listing_consent: true,
    email: 'awa.diallo@example.org',
    phone: null,
    vetting_note: null,
    bio_translations: { fr: 'Vingt ans de finances locales au Sénégal.' },
    user_id: '6f1c2b9e-4c1d-4a57-9a53-3f1c8e2f0a11',
    created_at: '2026-11-28T10:00:00Z',
    updated_at: '2026-11-28T10:00:00Z',
    submitted_at: '2026-11-28T10:00:00Z',
    rejected_at: null,
    archived_at: null,
    merged_into_id: null,
    revision: 1,
    allowed_actions: null,
    duplicate_candidates: null,
    engagements: [],
    ...overrides,
  };
}

export const expertsHandlers = [
  http.get('/api/experts/experts', ({ request }) =>
    HttpResponse.json(searchExperts(experts, new URL(request.url).searchParams)),
  ),
  http.get('/api/experts/experts/:id', ({ params }) =>
    params.id === expertDetail.id
      ? HttpResponse.json(expertDetail)
      : problem(404, 'No such expert'),
  ),
  http.get('/api/experts/me', () => problem(404, 'You have no expert profile yet')),
];
