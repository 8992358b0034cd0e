import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { records, searchRecords } from '@/testing/mocks/publications';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

/** Records the query strings the page sends to GET /api/publications/records. */
function recordSearches() {
  const sent: URLSearchParams[] = [];
  server.use(
    http.get('/api/publications/records', ({ request }) => {
      const params = new URL(request.url).searchParams;
      sent.push(params);
      return HttpResponse.json(searchRecords(records, params));
    }),
  );
  return sent;
}

const results = () => screen.getByRole('region', { name: 'Documents' });
const titles = () =>
  within(results())
    .queryAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);

describe('library search', () => {
  it('lists the records found, with facet counts, and narrows them by theme and words', async () => {
    const sent = recordSearches();
    const { user, location } = renderApp('/library');
    expect(await screen.findByText('2 documents trouvés')).toBeInTheDocument();
    expect(titles()).toEqual([
      'Mobiliser les ressources propres des communes',
      'Planifier la ville africaine de demain',
    ]);
    const first = within(results()).getAllByRole('article')[0];
    expect(first).toHaveTextContent("Note d'orientation · 2026 · français");
    expect(first).toHaveTextContent('Aïssatou Diallo, CGLU Afrique');
    expect(within(first).getByRole('link')).toHaveAttribute(
      'href',
      '/library/a1b2c3d4-0000-4000-8000-000000000001',
    );

    const type = screen.getByRole('group', { name: 'Type de document' });
    expect(within(type).getByRole('checkbox', { name: 'Rapport (1)' })).not.toBeChecked();
    const theme = screen.getByRole('group', { name: 'Thème' });
    await user.click(within(theme).getByRole('checkbox', { name: 'Finances locales (1)' }));
    expect(await screen.findByText('1 document trouvé')).toBeInTheDocument();
    expect(location.current?.search).toBe('?theme=local_finance');
    expect(titles()).toEqual(['Mobiliser les ressources propres des communes']);

    const year = screen.getByRole('group', { name: 'Année' });
    await user.click(within(year).getByRole('checkbox', { name: '2026 (1)' }));
    await waitFor(() => expect(location.current?.search).toBe('?theme=local_finance&year=2026'));
    expect(sent.at(-1)!.getAll('year')).toEqual(['2026']);

    await user.click(within(theme).getByRole('checkbox', { name: /^Finances locales/ }));
    await user.type(screen.getByRole('searchbox', { name: 'Mots-clés' }), 'planifier');
    await user.click(
      within(screen.getByRole('search')).getByRole('button', { name: 'Rechercher' }),
    );
    await waitFor(() => expect(location.current?.search).toBe('?q=planifier&year=2026'));
    expect(
      await screen.findByText(
        'Aucun document ne correspond à ces critères. Retirez un filtre pour élargir la recherche.',
      ),
    ).toBeInTheDocument();
    expect(sent.at(-1)!.get('q')).toBe('planifier');
    expect(sent.at(-1)!.get('lang')).toBe('fr');
  });
});
