import { http, HttpResponse } from 'msw';
import type { CountryList, LoginResult, OrganisationPage, User } from '@/api/models';

// Test data shaped by the generated API types, so a contract change breaks the tests' build too.
export const testUser: User = {
  id: '6f1c2b9e-4c1d-4a57-9a53-3f1c8e2f0a11',
  email: 'awa.diallo@example.org',
  full_name: 'Awa Diallo',
  country: 'SN',
  organisation_id: null,
  position: 'Secrétaire générale',
  preferred_language: 'fr',
  gender: 'female',
  roles: ['learner'],
  focal_point_of: [],
  created_at: '2026-11-29T10:00:00Z',
};

export const loginResult = (user: User = testUser): LoginResult => ({
  access_token: 'access',
  refresh_token: 'refresh',
  token_type: 'bearer',
  expires_in: 900,
  user,
});

export function problem(
  status: number,
  detail: string,
  errors?: { field: string; message: string; code: string }[],
) {
  return HttpResponse.json(
    { type: 'about:blank', title: 'Error', status, detail, instance: '/api', ...(errors && { errors }) },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

const countries: Record<string, CountryList['items']> = {
  fr: [
    { code: 'CM', name: 'Cameroun' },
    { code: 'MA', name: 'Maroc' },
    { code: 'SN', name: 'Sénégal' },
  ],
  en: [
    { code: 'CM', name: 'Cameroon' },
    { code: 'MA', name: 'Morocco' },
    { code: 'SN', name: 'Senegal' },
  ],
};

export const organisations: OrganisationPage['items'] = [
  { id: '0b6a0f3e-8d0a-4d8b-9a0e-7b0c4f4b2a01', name: 'Ville de Dakar', kind: 'local_government', country: 'SN', is_partner: false },
];

// Default answers: a visitor with no session, and the public identity lists.
export const handlers = [
  http.get('/api/identity/organisations/:id', ({ params }) => {
    const organisation = organisations.find((o) => o.id === params.id);
    return organisation ? HttpResponse.json(organisation) : problem(404, 'No such organisation');
  }),
  http.get('/api/identity/users/me', () => problem(401, 'Not authenticated')),
  http.post('/api/identity/auth/refresh', () => problem(401, 'No refresh token')),
  http.post('/api/identity/auth/logout', () => new HttpResponse(null, { status: 204 })),
  http.get('/api/identity/countries', ({ request }) => {
    const lang = new URL(request.url).searchParams.get('lang') === 'en' ? 'en' : 'fr';
    return HttpResponse.json({ items: countries[lang], total: countries[lang].length });
  }),
  http.get('/api/identity/organisations', ({ request }) => {
    const country = new URL(request.url).searchParams.get('country');
    const items = organisations.filter((o) => !country || o.country === country);
    return HttpResponse.json({ items, total: items.length, limit: 100, offset: 0 });
  }),
];
