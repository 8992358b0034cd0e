import { http, HttpResponse } from 'msw';
import type {
  Breakdown,
  Cell,
  CatalogueOverview,
  EnrollmentOverview,
  ExpertsOverview,
  IdentityOverview,
  Overview,
  PublicationsOverview,
  Report,
} from '@/features/dashboard/types';

// The gateway's composed answers, shaped by the services' generated types.
export const cell = (value: number | null, display = String(value)): Cell => ({
  value,
  suppressed: value === null,
  display,
});

export function breakdown(rows: [string | null, string, number | null, string?][], withheld = false): Breakdown {
  const total = rows.reduce((sum, [, , n]) => sum + (n ?? 0), 0);
  return {
    total: cell(total),
    withheld,
    rows: withheld ? [] : rows.map(([key, label, n, display]) => ({ key, label, count: cell(n, display ?? String(n)) })),
  };
}

const period = { start: null, end: null };
const filters = { programme: null, theme: null, country: null, language: null };

export function enrollmentOverview(country?: string): EnrollmentOverview {
  // A country filter narrows the figures, as the service does.
  const k = country ? 1 : 3;
  return {
    period,
    partner: null,
    filters: { ...filters, country: country ?? null },
    applications_by_status: breakdown([
      ['submitted', 'Soumises', 4 * k],
      ['accepted', 'Acceptées', 2 * k],
      ['completed', 'Terminées', 6 * k],
    ]),
    applications_by_month: breakdown([
      ['2026-01', '2026-01', 5 * k],
      ['2026-03', '2026-03', 7 * k],
    ]),
    queue: { to_review: cell(4 * k), awaiting_confirmation: cell(2 * k), waitlisted: cell(1) },
    upcoming: {
      sessions: [
        {
          session_id: 'sess-1',
          title: 'Collège « Finances », Dakar',
          starts_at: '2027-03-01T09:00:00Z',
          capacity: 30,
          seats_taken: cell(12),
          waitlisted: cell(3),
          fill_rate: 0.4,
        },
      ],
      capacity: 30,
      seats_taken: breakdown([['sess-1', 'Collège', 12]]),
      waitlisted: breakdown([['sess-1', 'Collège', 3]]),
      fill_rate: 0.4,
    },
    learners_trained: {
      people: cell(17),
      by_country: breakdown(country ? [[country, 'Sénégal', 6]] : [['SN', 'Sénégal', 12], ['CI', "Côte d'Ivoire", 6]]),
      by_gender: breakdown([['female', 'Femmes', 10], ['male', 'Hommes', 8]]),
      by_position: breakdown([['maire', 'Maire, adjoint', 18]]),
      by_programme: breakdown([['p1', 'Collège Finances', 18]]),
      by_month: breakdown([['2026-02', '2026-02', 18]]),
    },
    sessions_held: {
      by_mode: breakdown([['residential_seminar', 'Séminaire résidentiel', 2]]),
      by_country: breakdown([['SN', 'Sénégal', 2]]),
    },
  };
}

export const identityOverview: IdentityOverview = {
  period,
  partner: null,
  filters,
  users: {
    by_role: breakdown([['learner', 'Apprenants', 40]]),
    by_country: breakdown([['SN', 'Sénégal', 40]]),
    by_gender: breakdown([['female', 'Femmes', 40]]),
  },
  registrations: {
    by_role: breakdown([['learner', 'Apprenants', 9]]),
    by_country: breakdown([['SN', 'Sénégal', 9]]),
    by_gender: breakdown([['female', 'Femmes', 9]]),
  },
  partners: cell(3),
  partners_without_focal_point: cell(1),
};

export const catalogueOverview: CatalogueOverview = {
  period,
  partner: null,
  filters,
  programmes_by_status: breakdown([['published', 'Publiés', 20]]),
  sessions_by_status: breakdown([['published', 'Publiées', 5]]),
  upcoming: {
    by_mode: breakdown([['webinar', 'Webinaire', 2]]),
    by_country: breakdown([[null, 'En ligne', 2]]),
    by_language: breakdown([['fr', 'Français', 2]]),
    by_kind: breakdown([['college', 'Collège', 2]]),
  },
};

export const expertsOverview: ExpertsOverview = {
  period,
  partner: null,
  filters,
  experts_by_status: breakdown([['verified', 'Vérifiés', 30], ['pending', 'En attente', 2]]),
  to_vet: cell(2),
  mobilised: {
    experts_by_country: breakdown([['MA', 'Maroc', 7]]),
    engagements_by_theme: breakdown([['local_finance', 'Finances locales', 9]]),
    engagements_by_role: breakdown([['trainer', 'Formateur', 9]]),
  },
};

export const publicationsOverview: PublicationsOverview = {
  period,
  partner: null,
  filters,
  records_by_status: breakdown([['published', 'Publiés', 12], ['draft', 'Brouillons', 5]]),
  drafts: cell(5),
  issued: {
    by_type: breakdown([['report', 'Rapport', 3]]),
    by_theme: breakdown([['local_finance', 'Finances locales', 3]]),
    by_language: breakdown([['fr', 'Français', 3]]),
  },
  downloads: {
    total: cell(250),
    in_period: breakdown([['report', 'Rapport', 40]]),
    recent: [
      {
        record_id: 'rec-1',
        title: 'Guide de la fiscalité locale',
        type: 'report',
        published_on: '2026-10-01',
        downloads: cell(120),
        downloads_in_period: cell(40),
      },
    ],
  },
};

export function overview({ country, missing = [] }: { country?: string; missing?: string[] } = {}): Overview {
  const parts: Overview['parts'] = {
    identity: { status: 'ok', data: identityOverview },
    catalogue: { status: 'ok', data: catalogueOverview },
    enrollment: { status: 'ok', data: enrollmentOverview(country) },
    experts: { status: 'ok', data: expertsOverview },
    publications: { status: 'ok', data: publicationsOverview },
  };
  for (const name of missing) {
    (parts as Record<string, unknown>)[name] = {
      status: 'unavailable',
      detail: `${name} is unavailable (it refuses connections)`,
    };
  }
  return {
    generated_at: '2026-12-01T10:00:00+00:00',
    query: country ? { country } : {},
    parts,
    missing,
  };
}

export const report: Report = {
  generated_at: '2026-12-01T10:00:00+00:00',
  query: {},
  parts: {
    enrollment: {
      status: 'ok',
      data: {
        service: 'enrollment',
        period: { start: '2026-01-01', end: '2026-03-31' },
        partner: null,
        threshold: 5,
        language: 'fr',
        sections: [
          {
            id: 'people_trained',
            title: 'Participants formés (sessions terminées)',
            unit: 'people',
            total: cell(18),
            breakdowns: [
              { dimension: 'country', label: 'Par pays', ...breakdown([['SN', 'Sénégal', 14], ['CI', "Côte d'Ivoire", null, '< 5']]) },
              { dimension: 'position', label: 'Par fonction', ...breakdown([], true) },
            ],
          },
        ],
      },
    },
    experts: { status: 'timeout', detail: 'experts did not answer within 3 s' },
  },
  missing: ['experts'],
};

/** The gateway's two paths, recording the queries they were asked. */
export function dashboardHandlers(queries: URLSearchParams[] = [], missing: string[] = []) {
  return [
    http.get('/api/dashboard/overview', ({ request }) => {
      const params = new URL(request.url).searchParams;
      queries.push(params);
      return HttpResponse.json(overview({ country: params.get('country') ?? undefined, missing }));
    }),
    http.get('/api/dashboard/report', ({ request }) => {
      queries.push(new URL(request.url).searchParams);
      return HttpResponse.json(report);
    }),
  ];
}
