import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { RegisterInput } from '@/api/models';
import { problem, testUser } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

async function fillForm(user: ReturnType<typeof renderApp>['user']) {
  await user.type(screen.getByLabelText('Nom complet'), 'Awa Diallo');
  await user.type(screen.getByLabelText('Adresse e-mail'), 'awa.diallo@example.org');
  await user.type(screen.getByLabelText('Mot de passe'), 'password123');
  // The list comes from the API: wait for it before choosing.
  await screen.findByRole('option', { name: 'Sénégal' });
  await user.selectOptions(screen.getByLabelText('Pays'), 'SN');
}

describe('register form', () => {
  it('shows the field errors of a 422 problem next to their fields', async () => {
    server.use(
      http.post('/api/identity/auth/register', () =>
        problem(422, 'Some fields are not valid: password', [
          { field: 'password', message: 'This password is too common.', code: 'password_common' },
          { field: 'body.unknown', message: 'Something else is wrong.', code: 'invalid' },
        ]),
      ),
    );
    const { user } = renderApp('/register');
    await screen.findByRole('heading', { level: 1, name: 'Créer un compte' });
    await fillForm(user);

    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));

    const password = screen.getByLabelText('Mot de passe');
    expect(await screen.findByText('This password is too common.')).toBeInTheDocument();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(/This password is too common\./);
    expect(password).toHaveFocus();
    expect(screen.getByLabelText('Nom complet')).not.toHaveAttribute('aria-invalid');
    // An error the form has no field for still reaches the reader, in the alert region.
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Veuillez corriger les champs signalés.');
    expect(within(alert).getByText('Something else is wrong.')).toBeInTheDocument();
  });

  it('sends the form and leads to the login page with the e-mail filled in', async () => {
    let sent: RegisterInput | undefined;
    server.use(
      http.post('/api/identity/auth/register', async ({ request }) => {
        sent = (await request.json()) as RegisterInput;
        return HttpResponse.json(testUser, { status: 201 });
      }),
    );
    const { user } = renderApp('/register');
    await screen.findByRole('heading', { level: 1, name: 'Créer un compte' });
    await fillForm(user);
    await user.selectOptions(
      await screen.findByLabelText('Organisation (facultatif)'),
      'Ville de Dakar (Collectivité territoriale)',
    );

    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Se connecter' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Votre compte a été créé.');
    expect(screen.getByLabelText('Adresse e-mail')).toHaveValue('awa.diallo@example.org');
    expect(sent).toEqual({
      email: 'awa.diallo@example.org',
      password: 'password123',
      full_name: 'Awa Diallo',
      country: 'SN',
      organisation_id: '0b6a0f3e-8d0a-4d8b-9a0e-7b0c4f4b2a01',
      preferred_language: 'fr',
    });
  });
});
