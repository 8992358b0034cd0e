import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { Organisation, User } from '@/api/models';
import { dashboardHandlers } from '@/testing/mocks/dashboard';
import { organisations, testUser } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

const UCA: Organisation = {
  id: 'bb13c2fe-0cd7-599c-90a1-5292282eda48',
  name: 'Université Cadi Ayyad',
  kind: 'university',
  country: 'MA',
  is_partner: true,
};
const coordinator: User = { ...testUser, roles: ['coordinator'] };
const page = { total: 0, limit: 100, offset: 0, facets: {} };

function partnerHandlers(queries: URLSearchParams[]) {
  return [
    http.get('/api/identity/organisations', ({ request }) => {
      const partner = new URL(request.url).searchParams.get('partner') === 'true';
      const items = partner ? [UCA] : organisations;
      return HttpResponse.json({ items, total: items.length, limit: 100, offset: 0 });
    }),
    http.get('/api/identity/organisations/:id', () => HttpResponse.json(UCA)),
    http.get('/api/catalogue/programmes', ({ request }) => {
      queries.push(new URL(request.url).searchParams);
      return HttpResponse.json({ ...page, items: [], total: 0 });
    }),
    http.get('/api/catalogue/sessions', ({ request }) => {
      queries.push(new URL(request.url).searchParams);
      return HttpResponse.json({ ...page, items: [] });
    }),
    http.get('/api/publications/records', ({ request }) => {
      queries.push(new URL(request.url).searchParams);
      return HttpResponse.json({ ...page, items: [] });
    }),
  ];
}

describe('the donor report', () => {
  it('shows the report tables, the small counts as "< 5", the missing part, and its two downloads', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get('/api/identity/users/me', () => HttpResponse.json(coordinator)),
      ...partnerHandlers([]),
      ...dashboardHandlers(queries),
    );
    renderApp('/manage/report?from=2026-01-01&to=2026-03-31');

    const table = await screen.findByRole(
      'table',
      { name: 'Participants formés (sessions terminées) — Par pays' },
      { timeout: 10_000 },
    );
    expect(within(table).getByRole('row', { name: "Côte d'Ivoire < 5" })).toBeInTheDocument();
    expect(screen.getByText(/Par fonction : détail retenu/)).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent("Experts : le service n'a pas répondu à temps");
    expect(queries[0].toString()).toBe('from=2026-01-01&to=2026-03-31&lang=fr');

    expect(screen.getByRole('link', { name: 'Télécharger le CSV' })).toHaveAttribute(
      'href',
      '/api/dashboard/report?from=2026-01-01&to=2026-03-31&lang=fr&format=csv',
    );
    const printable = screen.getByRole('link', { name: 'Version imprimable (à enregistrer en PDF)' });
    expect(printable).toHaveAttribute('href', '/api/dashboard/report?from=2026-01-01&to=2026-03-31&lang=fr&format=html');
    expect(printable).toHaveAttribute('target', '_blank');
  });
});

describe('the partner pages', () => {
  it('list the partners and what one takes part in, from the services’ partner= lists', async () => {
    const queries: URLSearchParams[] = [];
    server.use(...partnerHandlers(queries));
    const { user } = renderApp('/partners');

    await user.click(await screen.findByRole('link', { name: 'Université Cadi Ayyad' }, { timeout: 10_000 }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Université Cadi Ayyad' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Programmes (0)' })).toBeInTheDocument();
    for (const name of ['Sessions (0)', 'Événements (0)', 'Publications (0)']) {
      expect(await screen.findByRole('region', { name })).toBeInTheDocument();
    }
    expect(queries.length).toBe(4);
    expect(queries.every((q) => q.get('partner') === UCA.id)).toBe(true);
    expect(queries.map((q) => q.getAll('kind').join('+')).sort()).toEqual(['', '', 'event+event_series', 'executive_master+college']);
    // A visitor sees no figures.
    expect(screen.queryByRole('region', { name: 'Chiffres des activités de votre institution' })).not.toBeInTheDocument();
  });

  it("show the institution's figures to its focal point, limited to the partner", async () => {
    const queries: URLSearchParams[] = [];
    const focal: User = { ...testUser, focal_point_of: [UCA.id] };
    server.use(
      http.get('/api/identity/users/me', () => HttpResponse.json(focal)),
      ...partnerHandlers([]),
      ...dashboardHandlers(queries),
    );
    renderApp(`/partners/${UCA.id}`);

    const figures = await screen.findByRole(
      'region',
      { name: 'Chiffres des activités de votre institution' },
      { timeout: 10_000 },
    );
    expect(await within(figures).findByRole('table', { name: 'Par pays' })).toBeInTheDocument();
    expect(queries[0].get('partner')).toBe(UCA.id);
    expect(within(figures).getByRole('link', { name: 'Télécharger le CSV' })).toHaveAttribute(
      'href',
      `/api/dashboard/report?partner=${UCA.id}&lang=fr&format=csv`,
    );
    // Not a coordinator: no work queues.
    expect(screen.queryByRole('link', { name: /Candidatures à examiner/ })).not.toBeInTheDocument();
  });
});
