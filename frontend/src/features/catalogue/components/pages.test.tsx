import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { college, master, sessionDetail, sessions } from '@/testing/mocks/catalogue';
import { expertDetail } from '@/testing/mocks/experts';
import { loginResult, problem, testUser } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

function jsonLd(): Record<string, unknown> {
  const script = document.querySelector('script[type="application/ld+json"]');
  return JSON.parse(script?.textContent ?? 'null') as Record<string, unknown>;
}

describe('catalogue pages', () => {
  it('shows the Master, the Colleges, the next sessions and a search box on the home page', async () => {
    const { user, location } = renderApp('/');

    const masterCard = await screen.findByRole('region', {
      name: 'Master Exécutif en Management des Villes',
    });
    expect(
      await within(masterCard).findByRole('link', { name: 'Découvrir le Master' }),
    ).toHaveAttribute('href', `/programmes/${master.id}`);
    expect(masterCard).toHaveTextContent('4 modules · 450 heures');
    const colleges = screen.getByRole('region', { name: 'Les Collèges ALGA' });
    expect(within(colleges).getByRole('link', { name: 'Finances locales' })).toHaveAttribute(
      'href',
      `/programmes/${college.id}`,
    );
    const upcoming = screen.getByRole('region', { name: 'Prochaines sessions' });
    expect(await within(upcoming).findAllByRole('article')).toHaveLength(3);

    await user.type(
      screen.getByRole('searchbox', { name: 'Rechercher une formation ou un événement' }),
      'budget',
    );
    await user.click(screen.getByRole('button', { name: 'Rechercher' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Catalogue' })).toBeInTheDocument();
    expect(location.current?.search).toBe('?q=budget');
    expect(screen.getByRole('searchbox', { name: 'Mots-clés' })).toHaveValue('budget');
  });

  it("shows the Master's modules in order, with their hours and mode, and its calendar feed", async () => {
    renderApp('/programmes/executive-master-city-management');

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Master exécutif en management des villes',
      }),
    ).toBeInTheDocument();
    const modules = within(screen.getByRole('region', { name: 'Composantes du programme' }));
    expect(modules.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Séminaires en résidentiel',
      "Cours d'apprentissage en ligne",
      "Voyages d'étude",
      'Stages pratiques',
    ]);
    expect(modules.getByText('Séminaire résidentiel · 120 heures')).toBeInTheDocument();
    expect(modules.getByText('Volume total : 450 heures')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: "S'abonner au calendrier du programme" }),
    ).toHaveAttribute('href', `/api/catalogue/programmes/${master.id}/calendar.ics?lang=fr`);
    expect(jsonLd()).toMatchObject({ '@type': 'Course', name: master.title });
  });

  it('leads from a College to its session, with a calendar file, JSON-LD and an Apply entry', async () => {
    const { user, location } = renderApp(`/programmes/${college.code}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: college.title }),
    ).toBeInTheDocument();
    const facts = screen.getByRole('complementary', { name: 'En bref' });
    expect(within(facts).getByText('Université Cadi Ayyad')).toBeInTheDocument();
    expect(within(facts).getByText('Directeurs financiers')).toBeInTheDocument();
    expect(within(facts).getByText('Des bourses peuvent être accordées.')).toBeInTheDocument();
    const upcoming = screen.getByRole('region', { name: 'Prochaines sessions' });
    const first = within(upcoming).getAllByRole('article')[0];
    await user.click(within(first).getByRole('link'));

    // The session is called after its College: the page changes, the title does not.
    const session = sessions[0];
    expect(await screen.findByRole('link', { name: 'Ajouter à mon agenda' })).toHaveAttribute(
      'href',
      `/api/catalogue/sessions/${session.id}/calendar.ics?lang=fr`,
    );
    expect(location.current?.pathname).toBe(`/sessions/${session.id}`);
    expect(screen.getByRole('heading', { level: 1, name: session.title })).toBeInTheDocument();
    expect(jsonLd()).toMatchObject({ '@type': 'CourseInstance', name: session.title });
    const facts2 = screen.getByRole('region', { name: 'Informations pratiques' });
    expect(facts2).toHaveTextContent('Africa/Dakar');
    expect(facts2).toHaveTextContent('20 décembre 2026 à 23:00');

    // A visitor who applies goes through Log in, then comes back to the application.
    let session2 = false;
    server.use(
      http.post('/api/identity/auth/login', () => {
        session2 = true;
        return HttpResponse.json(loginResult());
      }),
      http.get('/api/identity/users/me', () =>
        session2 ? HttpResponse.json(testUser) : problem(401, 'Not authenticated'),
      ),
    );
    await user.click(screen.getByRole('link', { name: 'Candidater' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Se connecter' }),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText('Adresse e-mail'), testUser.email);
    await user.type(screen.getByLabelText('Mot de passe'), 'correct horse battery');
    await user.click(
      within(screen.getByRole('main')).getByRole('button', { name: 'Se connecter' }),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Candidater' }),
    ).toBeInTheDocument();
    expect(location.current?.pathname).toBe(`/sessions/${session.id}/apply`);
  });

  it('offers no Apply button when applications are not open', async () => {
    renderApp(`/sessions/${sessions[2].id}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: sessions[2].title }),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Participer' })).toHaveTextContent(
      'Candidatures closes',
    );
    expect(screen.queryByRole('link', { name: 'Candidater' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ajouter à mon agenda' })).toBeInTheDocument();
  });

  it('names the trainers, linking those with a public profile', async () => {
    const session = sessions[0];
    const trainers = [
      { id: 'a1b2c3d4-0000-4000-8000-000000000001', name: 'Aminata Touré', listed: true },
      { id: 'a1b2c3d4-0000-4000-8000-000000000002', name: 'Kofi Mensah', listed: false },
      // No name in catalogue's copy: the public profile gives it, or the page says why not.
      { id: expertDetail.id, name: null, listed: false },
      { id: 'a1b2c3d4-0000-4000-8000-000000000004', name: null, listed: false },
    ];
    server.use(
      http.get(`/api/catalogue/sessions/${session.id}`, () =>
        HttpResponse.json({
          ...sessionDetail(session),
          trainer_ids: trainers.map((trainer) => trainer.id),
          trainers,
        }),
      ),
    );
    renderApp(`/sessions/${session.id}`);
    const facts = await screen.findByRole('region', { name: 'Informations pratiques' });
    const list = within(facts).getByRole('list');
    expect(within(list).getByRole('link', { name: 'Aminata Touré' })).toHaveAttribute(
      'href',
      `/experts/${trainers[0].id}`,
    );
    expect(within(list).getByText('Kofi Mensah')).toBeInTheDocument();
    expect(within(list).queryByRole('link', { name: 'Kofi Mensah' })).not.toBeInTheDocument();
    expect(
      await within(list).findByRole('link', { name: `${expertDetail.title} ${expertDetail.full_name}` }),
    ).toHaveAttribute('href', `/experts/${expertDetail.id}`);
    expect(
      await within(list).findByText('Expert·e désigné·e (profil non public)'),
    ).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);
  });

  it('says so when a session does not exist', async () => {
    renderApp('/sessions/no-such-session');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Session introuvable' }),
    ).toBeInTheDocument();
  });
});
