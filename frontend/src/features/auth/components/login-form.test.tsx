import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { loginResult, problem, testUser } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

async function logIn(user: ReturnType<typeof renderApp>['user'], password: string) {
  await screen.findByRole('heading', { level: 1, name: 'Se connecter' });
  await user.type(screen.getByLabelText('Adresse e-mail'), testUser.email);
  await user.type(screen.getByLabelText('Mot de passe'), password);
  await user.click(screen.getByRole('button', { name: 'Se connecter' }));
}

describe('login', () => {
  it('signs the user in and opens My account', async () => {
    let session = false;
    server.use(
      http.post('/api/identity/auth/login', async ({ request }) => {
        const body = (await request.json()) as { email: string; password: string };
        if (body.email !== testUser.email || body.password !== 'correct horse battery') {
          return problem(401, 'Incorrect e-mail or password');
        }
        session = true;
        return HttpResponse.json(loginResult());
      }),
      http.get('/api/identity/users/me', () =>
        session ? HttpResponse.json(testUser) : problem(401, 'Not authenticated'),
      ),
    );
    const { user } = renderApp('/login');

    await logIn(user, 'correct horse battery');

    expect(await screen.findByRole('heading', { level: 1, name: 'Mon compte' })).toBeInTheDocument();
    expect(screen.getByText('Awa Diallo')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Se déconnecter' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Se connecter' })).not.toBeInTheDocument();
  });

  it('says the credentials are wrong on a 401, without leaving the page', async () => {
    server.use(
      http.post('/api/identity/auth/login', () => problem(401, 'Incorrect e-mail or password')),
    );
    const { user } = renderApp('/login');

    await logIn(user, 'wrong password');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Adresse e-mail ou mot de passe incorrect.',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Se connecter' })).toBeInTheDocument();
  });

  it('asks to wait after too many attempts', async () => {
    server.use(http.post('/api/identity/auth/login', () => problem(429, 'Too many attempts')));
    const { user } = renderApp('/login');

    await logIn(user, 'whatever password');

    expect(await screen.findByRole('alert')).toHaveTextContent('Trop de tentatives.');
  });
});
