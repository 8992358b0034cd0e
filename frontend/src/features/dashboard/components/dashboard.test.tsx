import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { User } from '@/api/models';
import { dashboardHandlers } from '@/testing/mocks/dashboard';
import { problem, testUser } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

const coordinator: User = { ...testUser, roles: ['coordinator'] };

function asCoordinator(queries: URLSearchParams[] = [], missing: string[] = []) {
  server.use(
    http.get('/api/identity/users/me', () => HttpResponse.json(coordinator)),
    http.get('/api/identity/organisations', () => HttpResponse.json({ items: [], total: 0, limit: 100, offset: 0 })),
    ...dashboardHandlers(queries, missing),
  );
}

function decodeCsv(href: string | null): string {
  expect(href?.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
  return decodeURIComponent((href ?? '').slice('data:text/csv;charset=utf-8,'.length)).replace(/^\ufeff/, '');
}

describe('the dashboard', () => {
  it('keeps its filters in the address and asks the gateway with them', async () => {
    const queries: URLSearchParams[] = [];
    asCoordinator(queries);
    const { user, location } = renderApp('/manage/dashboard?from=2026-01-01');

    // The first render loads the page's chunk: give it time.
    expect(await screen.findByRole('heading', { level: 1, name: 'Tableau de bord' }, { timeout: 10_000 })).toBeInTheDocument();
    const byCountry = await screen.findByRole('table', { name: 'Par pays' });
    expect(within(byCountry).getAllByRole('row')).toHaveLength(3); // head, SN, CI
    expect(queries[0].get('from')).toBe('2026-01-01');
    expect(queries[0].get('lang')).toBe('fr');

    const filters = screen.getByRole('search', { name: 'Filtres du tableau de bord' });
    expect(within(filters).getByLabelText('Du')).toHaveValue('2026-01-01');
    await user.selectOptions(within(filters).getByLabelText('Pays'), 'SN');
    await user.click(within(filters).getByRole('button', { name: 'Appliquer les filtres' }));

    expect(location.current?.search).toBe('?from=2026-01-01&country=SN');
    await waitFor(() => expect(queries.at(-1)?.get('country')).toBe('SN'));
    expect(queries.at(-1)?.get('from')).toBe('2026-01-01');
    // The figures follow the filter.
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: 'Par pays' })).getAllByRole('row')).toHaveLength(2),
    );
    // The queue link carries the filter the review queue understands.
    const review = screen.getByRole('link', { name: /Candidatures à examiner/ });
    expect(review).toHaveAttribute(
      'href',
      '/manage/applications?status=submitted&status=endorsed&status=under_review&country=SN',
    );
    expect(review).toHaveTextContent('4');
    expect(screen.getByRole('link', { name: /Experts à valider/ })).toHaveAttribute('href', '/manage/experts?status=pending');
    expect(screen.getByRole('link', { name: /Publications en brouillon/ })).toHaveAttribute(
      'href',
      '/manage/library?status=draft',
    );

    // The form is drawn anew from the address: find it again.
    const again = screen.getByRole('search', { name: 'Filtres du tableau de bord' });
    expect(within(again).getByLabelText('Pays')).toHaveValue('SN');
    await user.click(within(again).getByRole('link', { name: 'Effacer les filtres' }));
    await waitFor(() => expect(location.current?.search).toBe(''));
  });

  it('shows the rest and says which part is missing when a service is down', async () => {
    asCoordinator([], ['publications']);
    renderApp('/manage/dashboard');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Une partie des chiffres manque.');
    expect(alert).toHaveTextContent('Bibliothèque (publications) : le service est indisponible');
    // The other parts are there…
    expect(screen.getByRole('table', { name: 'Candidatures de la période, par statut' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Experts mobilisés, par pays' })).toBeInTheDocument();
    // …the library's section says it has no figures, and its queue is not known.
    const library = screen.getByRole('region', { name: 'Publications' });
    expect(library).toHaveTextContent('Ces chiffres manquent : Bibliothèque (publications)');
    expect(within(library).queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Publications en brouillon/ })).toHaveTextContent('–');
  });

  it('gives every chart its numbers as a table and as CSV', async () => {
    asCoordinator();
    const { user } = renderApp('/manage/dashboard');
    await screen.findByRole('table', { name: 'Par pays' });

    const figures = screen.getAllByRole('figure');
    expect(figures.length).toBeGreaterThanOrEqual(15);
    for (const figure of figures) {
      const title = within(figure).getByRole('heading', { level: 3 }).textContent ?? '';
      // The table is named like its chart, so a screen reader finds it in its place.
      expect(within(figure).getByRole('table', { name: title })).toBeInTheDocument();
      const csv = decodeCsv(within(figure).getByRole('link', { name: `Télécharger en CSV (${title})` }).getAttribute('href'));
      expect(csv.split('\r\n')[0].split(',').length).toBeGreaterThanOrEqual(3);
    }

    // The fill rates: one row per session, its title quoted (it holds a comma), the seats beside it.
    const fill = screen.getByRole('figure', { name: 'Remplissage des prochaines sessions' });
    const table = within(fill).getByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'Collège « Finances », Dakar' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: /^40\s%$/ })).toBeInTheDocument();
    const csv = decodeCsv(within(fill).getByRole('link', { name: /Télécharger en CSV/ }).getAttribute('href'));
    expect(csv.split('\r\n')[1]).toBe('"Collège « Finances », Dakar",sess-1,40,1 mars 2027,30,12,3');

    // The month line puts the missing month back (Feb 2026: no row, so zero).
    const months = screen.getByRole('figure', { name: 'Candidatures par mois' });
    expect(within(months).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      'janv. 2026',
      'févr. 2026',
      'mars 2026',
    ]);

    // Sighted readers open the table on request; it is in the page for screen readers all along.
    const toggle = within(fill).getByRole('button', { name: 'Afficher les chiffres en tableau' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(within(fill).getByRole('button', { name: 'Masquer le tableau' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('is for coordinators only, and says what the gateway refused', async () => {
    server.use(
      http.get('/api/identity/users/me', () => HttpResponse.json(coordinator)),
      http.get('/api/identity/organisations', () => HttpResponse.json({ items: [], total: 0, limit: 100, offset: 0 })),
      http.get('/api/dashboard/overview', () => problem(503, 'No service answered.')),
    );
    renderApp('/manage/dashboard');
    expect(await screen.findByRole('alert')).toHaveTextContent('Les chiffres n’ont pas pu être chargés : No service answered.'.replace('’', "'"));
  });

  it('is linked from the navigation for staff only', async () => {
    asCoordinator();
    renderApp('/');
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(await within(nav).findByRole('link', { name: 'Tableau de bord' })).toHaveAttribute('href', '/manage/dashboard');
  });

  it("'s queue links open the review queue with those statuses and that country", async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get('/api/identity/users/me', () => HttpResponse.json(coordinator)),
      http.get('/api/enrollment/applications', ({ request }) => {
        queries.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [], total: 0, limit: 50, offset: 0, facets: { country: { SN: 2 } } });
      }),
    );
    const { user, location } = renderApp(
      '/manage/applications?status=submitted&status=endorsed&status=under_review&country=SN',
    );
    await screen.findByRole('heading', { level: 1, name: 'Candidatures à examiner' }, { timeout: 10_000 });
    await waitFor(() => expect(queries.length).toBeGreaterThan(0));
    expect(queries[0].getAll('status')).toEqual(['submitted', 'endorsed', 'under_review']);
    expect(queries[0].get('country')).toBe('SN');
    // The status filter shows the three together, and keeps them when the form is sent again.
    const status = screen.getByLabelText('Statut');
    expect(status).toHaveDisplayValue("Envoyée + Recommandée + En cours d'examen");
    expect(await screen.findByRole('option', { name: 'Sénégal (2)' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Filtrer' }));
    expect(location.current?.search).toBe('?status=submitted&status=endorsed&status=under_review&country=SN');
  });
});
