import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { experts, searchExperts } from '@/testing/mocks/experts';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

/** Records the query strings the page sends to GET /api/experts/experts. */
function recordSearches() {
  const sent: URLSearchParams[] = [];
  server.use(
    http.get('/api/experts/experts', ({ request }) => {
      const params = new URL(request.url).searchParams;
      sent.push(params);
      return HttpResponse.json(searchExperts(experts, params));
    }),
  );
  return sent;
}

const results = () => screen.getByRole('region', { name: 'Experts' });
const names = () =>
  within(results())
    .queryAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);

describe('experts directory', () => {
  it('puts the chosen facets in the address and sends them to the API', async () => {
    const sent = recordSearches();
    const { user, location } = renderApp('/experts');
    expect(await screen.findByText('3 experts trouvés')).toBeInTheDocument();

    // Each option says how many experts it would give.
    const theme = screen.getByRole('group', { name: 'Thème' });
    await user.click(within(theme).getByRole('checkbox', { name: 'Finances locales (2)' }));
    expect(await screen.findByText('2 experts trouvés')).toBeInTheDocument();
    expect(location.current?.search).toBe('?theme=local_finance');

    const country = screen.getByRole('group', { name: 'Pays' });
    await user.click(within(country).getByRole('checkbox', { name: 'Sénégal (1)' }));
    expect(await screen.findByText('1 expert trouvé')).toBeInTheDocument();
    expect(location.current?.search).toBe('?theme=local_finance&country=SN');
    expect(names()).toEqual(['Dr Aïssatou Diallo']);
    const last = sent.at(-1)!;
    expect(last.getAll('theme')).toEqual(['local_finance']);
    expect(last.getAll('country')).toEqual(['SN']);
    expect(last.get('lang')).toBe('fr');

    // A facet's counts apply the other filters only: among Senegal's experts, one in local finance.
    expect(within(theme).getByRole('checkbox', { name: 'Finances locales (1)' })).toBeChecked();
    expect(within(country).getByRole('checkbox', { name: 'Maroc (1)' })).not.toBeChecked();

    // Words join the filters; unticking a facet takes it out of the address.
    await user.type(screen.getByRole('searchbox', { name: 'Mots-clés' }), 'diallo');
    await user.click(
      within(screen.getByRole('search')).getByRole('button', { name: 'Rechercher' }),
    );
    await waitFor(() =>
      expect(location.current?.search).toBe('?q=diallo&theme=local_finance&country=SN'),
    );
    expect(sent.at(-1)!.get('q')).toBe('diallo');
    await user.click(within(theme).getByRole('checkbox', { name: /^Finances locales/ }));
    await waitFor(() => expect(location.current?.search).toBe('?q=diallo&country=SN'));

    // The result leads to the profile page.
    expect(within(results()).getByRole('link', { name: 'Dr Aïssatou Diallo' })).toHaveAttribute(
      'href',
      `/experts/${experts[0].id}`,
    );
  });

  it('restores the filters from a shared link and drops values the API would refuse', async () => {
    const sent = recordSearches();
    renderApp('/experts?availability=limited&country=GH&country=not-a-country&theme=DROP%20TABLE');

    expect(await screen.findByText('1 expert trouvé')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Ghana (1)' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Disponibilité limitée (1)' })).toBeChecked();
    expect(names()).toEqual(['Kwame Mensah']);
    const first = sent[0];
    expect(first.getAll('country')).toEqual(['GH']);
    expect(first.getAll('availability')).toEqual(['limited']);
    expect(first.getAll('theme')).toEqual([]);
  });

  it('shows a profile with its JSON-LD, its engagements and no private field', async () => {
    renderApp(`/experts/${experts[0].id}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Dr Aïssatou Diallo' }),
    ).toBeInTheDocument();
    const jsonLd = document.querySelector('script[type="application/ld+json"]');
    expect(JSON.parse(jsonLd?.textContent ?? '{}')).toMatchObject({ '@type': 'Person' });
    const publications = screen.getByRole('region', { name: 'Publications' });
    expect(
      within(publications).getByRole('link', {
        name: 'Mobiliser les ressources propres des communes',
      }),
    ).toHaveAttribute('href', '/library/a1b2c3d4-0000-4000-8000-000000000001');
    expect(screen.getByRole('link', { name: '0000-0002-1825-0097' })).toHaveAttribute(
      'href',
      'https://orcid.org/0000-0002-1825-0097',
    );
    expect(screen.queryByText(/@example\.org/)).not.toBeInTheDocument();
  });
});
