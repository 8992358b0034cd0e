import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { makeApplication } from '@/testing/mocks/enrollment';
import { testUser } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

const signedIn = () => http.get('/api/identity/users/me', () => HttpResponse.json(testUser));

describe('My space', () => {
  it("shows a confirmed seat's attendance QR code with its code in letters", async () => {
    const confirmed = makeApplication({
      status: 'confirmed',
      allowed_actions: ['withdraw'],
      attendance_code: 'Qk7xN2pLm9RtVw4Ys8Za',
    });
    server.use(
      signedIn(),
      http.get('/api/enrollment/applications', () =>
        HttpResponse.json({ items: [confirmed], total: 1, limit: 100, offset: 0, facets: {} }),
      ),
      http.get('/api/enrollment/applications/:id', () => HttpResponse.json(confirmed)),
    );
    renderApp('/me/applications');

    const card = await screen.findByRole('article', { name: 'Finances locales — Dakar 2027' }, { timeout: 5000 });
    const pass = await within(card).findByText('Mon code de présence');
    expect(pass.closest('details')).toHaveTextContent('Code : Qk7xN2pLm9RtVw4Ys8Za');
    expect(within(card).getByRole('img', { name: 'QR code de présence', hidden: true })).toHaveAttribute(
      'src',
      `/api/enrollment/applications/${confirmed.id}/attendance-qr.svg`,
    );
  });

  it("opens an application's notification link on its card in My space", async () => {
    const application = makeApplication();
    server.use(
      signedIn(),
      http.get('/api/enrollment/applications', () =>
        HttpResponse.json({ items: [application], total: 1, limit: 100, offset: 0, facets: {} }),
      ),
      http.get('/api/enrollment/applications/:id', () => HttpResponse.json(application)),
    );
    const { location } = renderApp(`/applications/${application.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Mon espace' }, { timeout: 5000 })).toBeInTheDocument();
    expect(location.current?.pathname).toBe('/me/applications');
    expect(location.current?.hash).toBe(`#application-${application.id}`);
  });
});
