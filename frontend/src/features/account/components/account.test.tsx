import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { User, UserUpdate } from '@/api/models';
import { loginResult, organisations, problem, testUser } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

describe('my account', () => {
  it("shows the signed-in user's details", async () => {
    const member = { ...testUser, organisation_id: organisations[0].id };
    server.use(http.get('/api/identity/users/me', () => HttpResponse.json(member)));
    renderApp('/account');

    expect(await screen.findByRole('heading', { level: 1, name: 'Mon compte' })).toBeInTheDocument();
    expect(screen.getByText('Awa Diallo')).toBeInTheDocument();
    expect(screen.getByText('awa.diallo@example.org')).toBeInTheDocument();
    expect(screen.getByText('Sénégal')).toBeInTheDocument();
    expect(screen.getByText('Apprenant·e')).toBeInTheDocument();
    expect(await screen.findByText('Ville de Dakar')).toBeInTheDocument();
  });

  it('renews an expired session once through the refresh cookie and retries', async () => {
    let refreshed = false;
    let refreshCalls = 0;
    server.use(
      http.get('/api/identity/users/me', () =>
        refreshed ? HttpResponse.json(testUser) : problem(401, 'Token expired'),
      ),
      http.post('/api/identity/auth/refresh', () => {
        refreshCalls += 1;
        refreshed = true;
        return HttpResponse.json(loginResult());
      }),
    );
    renderApp('/account');

    expect(await screen.findByText('Awa Diallo')).toBeInTheDocument();
    expect(refreshCalls).toBe(1);
  });

  it('sends a visitor without a session to the login page', async () => {
    renderApp('/account');
    expect(await screen.findByRole('heading', { level: 1, name: 'Se connecter' })).toBeInTheDocument();
  });

  it('saves the edited profile and shows the new name', async () => {
    let current: User = testUser;
    server.use(
      http.get('/api/identity/users/me', () => HttpResponse.json(current)),
      http.patch('/api/identity/users/me', async ({ request }) => {
        const update = (await request.json()) as UserUpdate;
        current = { ...current, ...update } as User;
        return HttpResponse.json(current);
      }),
    );
    const { user } = renderApp('/account');
    const name = await screen.findByLabelText('Nom complet');

    await user.clear(name);
    await user.type(name, 'Awa Ndiaye Diallo');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByText('Votre profil a été enregistré.')).toBeInTheDocument();
    expect(screen.getByText('Awa Ndiaye Diallo', { selector: 'dd' })).toBeInTheDocument();
  });

  it('logs out and no longer opens My account', async () => {
    let session = true;
    server.use(
      http.get('/api/identity/users/me', () =>
        session ? HttpResponse.json(testUser) : problem(401, 'Not authenticated'),
      ),
      http.post('/api/identity/auth/logout', () => {
        session = false;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/account');

    await user.click(await screen.findByRole('button', { name: 'Se déconnecter' }));

    expect(await screen.findByText('Vous êtes déconnecté·e.')).toBeInTheDocument();
    expect(session).toBe(false);
    await user.click(screen.getByRole('link', { name: 'Se connecter' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Se connecter' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Mon compte' })).not.toBeInTheDocument();
  });
});
