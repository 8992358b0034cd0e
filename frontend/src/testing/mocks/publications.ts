import { http, HttpResponse } from 'msw';
import type { LibraryRecord, RecordDetail, RecordPage, Vocabularies } from '@/api/models';
import { problem } from './handlers';

// A small library shaped by the generated API types, and a stand-in for the service's search:
// filters and facet counts, each facet counted over the other filters only, as the API does.

const PUBLIC = 'http://127.0.0.1:8000';
const EXPERT_ID = '3c9a1f0e-5b7d-4a4e-9a51-0d2f8b6c1e01';

export function makeRecord(overrides: Partial<LibraryRecord> = {}): LibraryRecord {
  const id = overrides.id ?? 'a1b2c3d4-0000-4000-8000-000000000001';
  const api = `${PUBLIC}/api/publications/records/${id}`;
  return {
    id,
    type: 'policy_brief',
    type_label: "Note d'orientation",
    title: 'Mobiliser les ressources propres des communes',
    abstract: 'Comment les communes africaines élargissent leur assiette fiscale.',
    keywords: ['fiscalité locale'],
    language: 'fr',
    language_label: 'français',
    published_on: '2026-05-12',
    year: 2026,
    publisher: 'CGLU Afrique',
    place: 'Rabat',
    series: null,
    container_title: null,
    authors: [
      {
        name: 'Diallo, Aïssatou',
        family: 'Diallo',
        given: 'Aïssatou',
        expert_id: EXPERT_ID,
        organisation: false,
      },
      { name: 'CGLU Afrique', organisation: true },
    ],
    themes: [{ code: 'local_finance', label: 'Finances locales' }],
    licence: {
      id: 'CC-BY-4.0',
      label: 'CC BY 4.0',
      url: 'https://creativecommons.org/licenses/by/4.0/',
    },
    doi: null,
    doi_url: null,
    isbn: null,
    url: null,
    related_programme_ids: [],
    related_session_ids: [],
    related_event_ids: [],
    partner_ids: [],
    status: 'published',
    version: 1,
    files: [
      {
        id: 'f0000000-0000-4000-8000-000000000001',
        filename: 'note-ressources-propres.pdf',
        label: 'Version française',
        media_type: 'application/pdf',
        size_bytes: 245_000,
        sha256: 'ab'.repeat(32),
        uploaded_at: '2026-05-12T10:00:00Z',
        url: `${api}/files/f0000000-0000-4000-8000-000000000001`,
        download_count: null,
        removed: false,
      },
    ],
    download_count: 3,
    page_url: `${PUBLIC}/library/${id}`,
    citation_urls: { bibtex: `${api}/citation?format=bibtex` },
    published_at: '2026-05-12T10:00:00Z',
    updated_at: '2026-05-12T10:00:00Z',
    lang: 'fr',
    available_languages: ['fr'],
    ...overrides,
  };
}

export const records: LibraryRecord[] = [
  makeRecord(),
  makeRecord({
    id: 'b2c3d4e5-0000-4000-8000-000000000002',
    type: 'report',
    type_label: 'Rapport',
    title: 'Planifier la ville africaine de demain',
    abstract: null,
    year: 2025,
    published_on: '2025-03-01',
    authors: [{ name: 'Mensah, Kwame', family: 'Mensah', given: 'Kwame', organisation: false }],
    themes: [
      { code: 'spatial_planning', label: 'Planification et organisation spatiale des territoires' },
    ],
    files: [],
  }),
];

const FACETS = {
  type: (r: LibraryRecord) => [r.type],
  theme: (r: LibraryRecord) => r.themes.map((t) => t.code),
  language: (r: LibraryRecord) => [r.language],
  year: (r: LibraryRecord) => (r.year ? [String(r.year)] : []),
  author: (r: LibraryRecord) => r.authors.map((a) => a.name.toLowerCase()),
} as const;

export function searchRecords(all: LibraryRecord[], params: URLSearchParams): RecordPage {
  const names = Object.keys(FACETS) as (keyof typeof FACETS)[];
  const passes = (r: LibraryRecord, except?: string) =>
    names.every((facet) => {
      const wanted = params.getAll(facet);
      return (
        facet === except || wanted.length === 0 || FACETS[facet](r).some((v) => wanted.includes(v))
      );
    }) &&
    (params.get('q') ?? '')
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .every((word) => `${r.title} ${r.abstract ?? ''}`.toLowerCase().includes(word));
  const items = all.filter((r) => passes(r));
  const labels = new Map<string, string>();
  for (const r of all) {
    labels.set(r.type, r.type_label);
    labels.set(r.language, r.language_label);
    r.themes.forEach((t) => labels.set(t.code, t.label));
    r.authors.forEach((a) => labels.set(a.name.toLowerCase(), a.name));
  }
  const facets = Object.fromEntries(
    names.map((facet) => {
      const counts = new Map<string, number>();
      for (const r of all.filter((x) => passes(x, facet))) {
        for (const value of new Set(FACETS[facet](r)))
          counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      return [
        facet,
        [...counts].map(([value, count]) => ({ value, count, label: labels.get(value) ?? null })),
      ];
    }),
  );
  return { items, total: items.length, limit: 20, offset: 0, facets };
}

export const recordDetail: RecordDetail = {
  ...records[0],
  json_ld: { '@context': 'https://schema.org', '@type': 'Report', name: records[0].title },
};

export const bibtex = `@techreport{diallo2026mobiliser,
  title = {Mobiliser les ressources propres des communes},
  author = {Diallo, Aïssatou and {CGLU Afrique}},
  year = {2026},
}
`;

export const vocabularies: Vocabularies = {
  types: [
    { code: 'policy_brief', label: "Note d'orientation" },
    { code: 'report', label: 'Rapport' },
  ],
  themes: [{ code: 'local_finance', label: 'Finances locales' }],
  licences: [
    { code: 'CC-BY-4.0', label: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  ],
  lang: 'fr',
};

export const publicationsHandlers = [
  http.get('/api/publications/records', ({ request }) =>
    HttpResponse.json(searchRecords(records, new URL(request.url).searchParams)),
  ),
  http.get('/api/publications/records/:id', ({ params }) =>
    params.id === recordDetail.id
      ? HttpResponse.json(recordDetail)
      : problem(404, 'No record with this id.'),
  ),
  http.get('/api/publications/records/:id/citation', ({ params }) =>
    params.id === recordDetail.id
      ? new HttpResponse(bibtex, {
          headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
        })
      : problem(404, 'No record with this id.'),
  ),
  http.get('/api/publications/vocabularies', () => HttpResponse.json(vocabularies)),
];
