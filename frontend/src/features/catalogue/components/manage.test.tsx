import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { SessionDetail, SessionInput, SessionTransition, User } from '@/api/models';
import { college, makeSession, sessionDetail } from '@/testing/mocks/catalogue';
import { problem, testUser } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

const coordinator: User = { ...testUser, email: 'coordinator@example.org', roles: ['coordinator'] };

function signedInAs(user: User) {
  server.use(http.get('/api/identity/users/me', () => HttpResponse.json(user)));
}

const nav = () => screen.getByRole('navigation', { name: 'Navigation principale' });

describe('catalogue management', () => {
  it('is neither offered nor shown to a learner', async () => {
    signedInAs(testUser);
    renderApp('/manage');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès réservé' }),
    ).toBeInTheDocument();
    expect(within(nav()).getByRole('link', { name: 'Mon compte' })).toBeInTheDocument();
    expect(
      within(nav()).queryByRole('link', { name: 'Gérer le catalogue' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Nouvelle session/ })).not.toBeInTheDocument();
  });

  it('sends a visitor to the login page first', async () => {
    const { location } = renderApp('/manage/sessions/new');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Se connecter' }),
    ).toBeInTheDocument();
    expect(location.current?.search).toBe('?redirect=%2Fmanage%2Fsessions%2Fnew');
  });

  it('lists drafts for a coordinator, with the entry in the navigation', async () => {
    signedInAs(coordinator);
    const asked: URLSearchParams[] = [];
    const draft = makeSession({ id: 'draft-1', title: 'Brouillon de session', status: 'draft' });
    server.use(
      http.get('/api/catalogue/sessions', ({ request }) => {
        const params = new URL(request.url).searchParams;
        asked.push(params);
        return HttpResponse.json({ items: [draft], total: 1, limit: 50, offset: 0, facets: {} });
      }),
    );
    const { user } = renderApp('/');
    await user.click(await within(nav()).findByRole('link', { name: 'Gérer le catalogue' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Gérer le catalogue' }),
    ).toBeInTheDocument();
    const sessions = screen.getByRole('region', { name: 'Sessions' });
    expect(
      await within(sessions).findByRole('link', { name: 'Brouillon de session' }),
    ).toHaveAttribute('href', '/manage/sessions/draft-1');
    expect(within(sessions).getByRole('cell', { name: 'Brouillon' })).toBeInTheDocument();
    // Staff ask for every status, drafts included.
    expect(asked.at(-1)!.getAll('status')).toContain('draft');

    await user.selectOptions(within(sessions).getByLabelText('Statut'), 'draft');
    await waitFor(() => expect(asked.at(-1)!.getAll('status')).toEqual(['draft']));
  });

  it("shows the API's field errors next to the fields of the session form", async () => {
    signedInAs(coordinator);
    let sent: SessionInput | undefined;
    server.use(
      http.post('/api/catalogue/sessions', async ({ request }) => {
        sent = (await request.json()) as SessionInput;
        return problem(422, 'Some fields are not valid: ends_at, venue.country', [
          {
            field: 'ends_at',
            message: 'The session must end after it starts.',
            code: 'ends_before_start',
          },
          {
            field: 'venue.country',
            message: 'Not an ISO 3166-1 alpha-2 country code.',
            code: 'value_error',
          },
        ]);
      }),
    );
    const { user } = renderApp(`/manage/sessions/new?programme=${college.id}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Nouvelle session' }),
    ).toBeInTheDocument();
    await screen.findByRole('option', { name: college.title });
    expect(screen.getByLabelText('Programme')).toHaveValue(college.id);

    fireEvent.change(screen.getByLabelText('Début'), { target: { value: '2027-03-10T09:00' } });
    fireEvent.change(screen.getByLabelText('Fin'), { target: { value: '2027-03-01T17:00' } });
    await user.clear(screen.getByLabelText('Fuseau horaire'));
    await user.type(screen.getByLabelText('Fuseau horaire'), 'Africa/Dakar');
    await user.type(screen.getByLabelText('Ville'), 'Dakar');
    await user.type(screen.getByLabelText('Pays'), 'XX');
    await user.type(screen.getByLabelText('Nombre de places'), '25');
    await user.click(screen.getByRole('button', { name: 'Créer la session' }));

    const ends = screen.getByLabelText('Fin');
    expect(await screen.findByText('The session must end after it starts.')).toBeInTheDocument();
    expect(ends).toHaveAttribute('aria-invalid', 'true');
    expect(ends).toHaveAccessibleDescription('The session must end after it starts.');
    expect(ends).toHaveFocus();
    const country = screen.getByLabelText('Pays');
    expect(country).toHaveAttribute('aria-invalid', 'true');
    expect(country).toHaveAccessibleDescription(/Not an ISO 3166-1 alpha-2 country code\./);
    expect(screen.getByLabelText('Ville')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Début')).not.toHaveAttribute('aria-invalid');
    expect(screen.getAllByRole('alert')[0]).toHaveTextContent(
      'Veuillez corriger les champs signalés.',
    );

    // Times go as typed, wall-clock at the venue; a programme's session sends no theme of its own.
    expect(sent).toMatchObject({
      programme_id: college.id,
      starts_at: '2027-03-10T09:00',
      ends_at: '2027-03-01T17:00',
      timezone: 'Africa/Dakar',
      venue: { city: 'Dakar', country: 'XX', address: null },
      language: 'fr',
      capacity: 25,
      delivery_mode: 'residential_seminar',
    });
    expect(sent).not.toHaveProperty('theme');
    expect(sent).not.toHaveProperty('audiences');
  });

  it('creates a session, then publishes it and cancels it with a reason', async () => {
    signedInAs(coordinator);
    let current: SessionDetail | undefined;
    const transitions: SessionTransition[] = [];
    server.use(
      http.post('/api/catalogue/sessions', async ({ request }) => {
        const body = (await request.json()) as SessionInput;
        current = sessionDetail(
          makeSession({
            id: 'new-session',
            title: body.title?.fr ?? 'Sans titre',
            status: 'draft',
            applications_open: false,
          }),
        );
        current.allowed_actions = ['publish'];
        return HttpResponse.json(current, { status: 201 });
      }),
      http.get('/api/catalogue/sessions/new-session', () => HttpResponse.json(current)),
      http.post('/api/catalogue/sessions/new-session/transitions', async ({ request }) => {
        const body = (await request.json()) as SessionTransition;
        transitions.push(body);
        if (body.action === 'publish') {
          current = {
            ...current!,
            status: 'published',
            allowed_actions: ['open_applications', 'cancel', 'complete'],
          };
        } else {
          current = {
            ...current!,
            status: 'cancelled',
            allowed_actions: [],
            cancellation_reason: body.reason ?? null,
          };
        }
        return HttpResponse.json(current);
      }),
    );
    const { user, location } = renderApp('/manage/sessions/new');
    await screen.findByRole('heading', { level: 1, name: 'Nouvelle session' });
    await user.type(screen.getByLabelText('Titre (Français)'), 'Atelier de Dakar');
    await user.selectOptions(screen.getByLabelText("Type d'événement"), 'workshop');
    fireEvent.change(screen.getByLabelText('Début'), { target: { value: '2027-03-10T09:00' } });
    fireEvent.change(screen.getByLabelText('Fin'), { target: { value: '2027-03-11T17:00' } });
    await user.type(screen.getByLabelText('Ville'), 'Dakar');
    await user.type(screen.getByLabelText('Pays'), 'sn');
    await user.type(screen.getByLabelText('Nombre de places'), '20');
    await user.click(screen.getByRole('button', { name: 'Créer la session' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Atelier de Dakar' }),
    ).toBeInTheDocument();
    expect(location.current?.pathname).toBe('/manage/sessions/new-session');
    const lifecycle = screen.getByRole('region', { name: 'Statut et publication' });
    await user.click(within(lifecycle).getByRole('button', { name: 'Publier' }));
    expect(await within(lifecycle).findByText('La session est publiée.')).toBeInTheDocument();

    await user.click(await within(lifecycle).findByRole('button', { name: 'Annuler la session…' }));
    await user.type(within(lifecycle).getByLabelText("Motif de l'annulation"), 'Report à 2028.');
    await user.click(within(lifecycle).getByRole('button', { name: "Confirmer l'annulation" }));

    expect(await within(lifecycle).findByText('La session est annulée.')).toBeInTheDocument();
    expect(transitions).toEqual([
      { action: 'publish' },
      { action: 'cancel', reason: 'Report à 2028.' },
    ]);
  });
});
