import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { todayIso } from '@/lib/format';
import { setLanguage } from '@/lib/i18n';
import { searchSessions, sessions } from '@/testing/mocks/catalogue';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

/** Records the query strings the page sends to GET /api/catalogue/sessions. */
function recordSearches() {
  const sent: URLSearchParams[] = [];
  server.use(
    http.get('/api/catalogue/sessions', ({ request }) => {
      const params = new URL(request.url).searchParams;
      sent.push(params);
      return HttpResponse.json(searchSessions(sessions, params));
    }),
  );
  return sent;
}

const results = () => screen.getByRole('region', { name: 'Sessions' });
const resultTitles = () =>
  within(results())
    .queryAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);

describe('catalogue search', () => {
  it('puts the chosen facets in the address and sends them to the API', async () => {
    const sent = recordSearches();
    const { user, location } = renderApp('/catalogue');
    expect(await screen.findByText('3 sessions trouvées')).toBeInTheDocument();

    // Each option shows how many sessions it would give.
    const theme = screen.getByRole('group', { name: 'Thème' });
    await user.click(within(theme).getByRole('checkbox', { name: 'Finances locales (2)' }));

    expect(await screen.findByText('2 sessions trouvées')).toBeInTheDocument();
    expect(location.current?.search).toBe('?theme=local_finance');
    // The theme's College itself is offered above its sessions.
    const programmes = await screen.findByRole('region', { name: 'Programmes correspondants' });
    expect(
      within(programmes).getByRole('link', { name: 'Collège ALGA : Finances locales' }),
    ).toHaveAttribute('href', '/programmes/bb10bcf5-a0f3-4e0e-8f7a-3b02b7d62b9f');

    const language = screen.getByRole('group', { name: "Langue d'enseignement" });
    await user.click(within(language).getByRole('checkbox', { name: 'Français (2)' }));
    await user.click(screen.getByRole('checkbox', { name: /^Candidatures ouvertes/ }));

    expect(await screen.findByText('1 session trouvée')).toBeInTheDocument();
    expect(location.current?.search).toBe('?theme=local_finance&language=fr&open=true');
    expect(resultTitles()).toEqual(['Collège ALGA : Finances locales']);
    const last = sent.at(-1)!;
    expect(last.getAll('theme')).toEqual(['local_finance']);
    expect(last.getAll('language')).toEqual(['fr']);
    expect(last.get('open')).toBe('true');
    expect(last.get('lang')).toBe('fr');

    // Words typed in the search box join the filters; a new search starts at page 1.
    await user.type(screen.getByRole('searchbox', { name: 'Mots-clés' }), 'finances');
    await user.click(
      within(screen.getByRole('search')).getByRole('button', { name: 'Rechercher' }),
    );
    await waitFor(() =>
      expect(location.current?.search).toBe(
        '?q=finances&theme=local_finance&language=fr&open=true',
      ),
    );
    expect(sent.at(-1)!.get('q')).toBe('finances');

    // Unticking a facet takes it out of the address again.
    await user.click(within(theme).getByRole('checkbox', { name: /^Finances locales/ }));
    await waitFor(() => expect(location.current?.search).toBe('?q=finances&language=fr&open=true'));
  });

  it('restores the filters from a shared link', async () => {
    const sent = recordSearches();
    renderApp('/catalogue?theme=participatory_budgeting&language=en&mode=webinar&from=2027-01-01');

    expect(await screen.findByText('1 session trouvée')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /^Budget participatif/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /^Anglais/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /^Webinaire/ })).toBeChecked();
    // A theme no session of these filters has is not offered.
    expect(screen.queryByRole('checkbox', { name: /^Finances locales/ })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Du')).toHaveValue('2027-01-01');
    expect(resultTitles()).toEqual(['Participatory budgeting in secondary cities']);
    const params = sent[0];
    expect(params.getAll('theme')).toEqual(['participatory_budgeting']);
    expect(params.getAll('language')).toEqual(['en']);
    expect(params.getAll('mode')).toEqual(['webinar']);
    expect(params.get('from')).toBe('2027-01-01');
  });

  it('ignores values of a hand-edited link that the API would refuse', async () => {
    const sent = recordSearches();
    renderApp('/catalogue?mode=teleportation&language=xx&country=Senegal&from=tomorrow');
    expect(await screen.findByText('3 sessions trouvées')).toBeInTheDocument();
    expect([...sent[0].keys()].sort()).toEqual(['from', 'lang', 'limit', 'offset']);
    // Without a date of its own, the catalogue shows what runs today or later.
    expect(sent[0].get('from')).toBe(todayIso());
  });

  it('lists each session with its dates, place, language and seats', async () => {
    renderApp('/catalogue');
    const list = await within(await screen.findByRole('region', { name: 'Sessions' })).findByRole(
      'list',
    );
    const [residential, webinar, hybrid] = within(list).getAllByRole('article');

    // Dates in French, at the venue's time (Dakar for the first, Casablanca for the webinar).
    expect(
      within(residential).getByRole('link', { name: 'Collège ALGA : Finances locales' }),
    ).toHaveAttribute('href', `/sessions/${sessions[0].id}`);
    expect(residential).toHaveTextContent('18–22 janv. 2027');
    expect(residential).toHaveTextContent('Dakar, Sénégal');
    expect(residential).toHaveTextContent('LangueFrançais');
    expect(residential).toHaveTextContent('30 places');
    expect(residential).toHaveTextContent("Candidatures ouvertes jusqu'au 20 décembre 2026");

    expect(webinar).toHaveTextContent(/3 févr\. 2027, 10:00\s–\s12:30 UTC\+1/);
    expect(webinar).toHaveTextContent('En ligne');
    expect(webinar).toHaveTextContent('LangueAnglais');
    expect(webinar).toHaveTextContent('300 places');
    expect(webinar).toHaveTextContent('Table ronde · Webinaire');

    expect(hybrid).toHaveTextContent('Rabat, Maroc et en ligne');
    expect(hybrid).toHaveTextContent('Candidatures closes');
  });

  it('formats the dates in English when the interface is in English', async () => {
    await setLanguage('en');
    renderApp('/catalogue');
    const list = await within(await screen.findByRole('region', { name: 'Sessions' })).findByRole(
      'list',
    );
    const [residential, webinar] = within(list).getAllByRole('article');
    expect(residential).toHaveTextContent(/Jan 18\s–\s22, 2027/);
    expect(residential).toHaveTextContent('Applications open until December 20, 2026');
    expect(residential).toHaveTextContent('LanguageFrench');
    expect(webinar).toHaveTextContent(/Feb 3, 2027, 10:00\sAM\s–\s12:30\sPM GMT\+1/);
    expect(webinar).toHaveTextContent('Online');
  });
});
