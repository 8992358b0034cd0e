import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ExpertApplication } from '@/api/models';
import { makeProfile } from '@/testing/mocks/experts';
import { problem, testUser } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

function signedIn() {
  server.use(http.get('/api/identity/users/me', () => HttpResponse.json(testUser)));
}

describe('joining the community of experts', () => {
  it('sends a visitor to the login page first', async () => {
    const { location } = renderApp('/experts/join');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Se connecter' }),
    ).toBeInTheDocument();
    expect(location.current?.search).toBe(`?redirect=${encodeURIComponent('/experts/join')}`);
  });

  it('shows the API field errors next to their fields, then sends the application', async () => {
    signedIn();
    const sent: ExpertApplication[] = [];
    let applied = false;
    server.use(
      http.post('/api/experts/applications', async ({ request }) => {
        const body = (await request.json()) as ExpertApplication;
        sent.push(body);
        if (body.orcid === '0000-0002-1825-0098') {
          return problem(422, 'The request has invalid fields.', [
            {
              field: 'orcid',
              message: 'Not a valid ORCID iD: the check digit is wrong.',
              code: 'value_error',
            },
            { field: 'languages.1.tag', message: 'Unknown language subtag.', code: 'value_error' },
          ]);
        }
        applied = true;
        return HttpResponse.json(makeProfile(), { status: 201 });
      }),
      http.get('/api/experts/me', () =>
        applied ? HttpResponse.json(makeProfile()) : problem(404, 'No expert profile yet'),
      ),
    );
    const { user, location } = renderApp('/experts/join');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Rejoindre la communauté' }),
    ).toBeInTheDocument();
    const main = screen.getByRole('main');

    // What the account already says is filled in.
    expect(await within(main).findByLabelText('Nom complet')).toHaveValue('Awa Diallo');
    await waitFor(() => expect(within(main).getByLabelText('Pays de résidence')).toHaveValue('SN'));

    expect(within(main).getByLabelText('Fonction (facultatif)')).toHaveValue('Secrétaire générale');
    await user.type(within(main).getByLabelText('Organisation (facultatif)'), 'Ville de Dakar');
    await user.click(await within(main).findByRole('checkbox', { name: 'Finances locales' }));
    await user.selectOptions(within(main).getByLabelText('Français'), 'native');
    await user.selectOptions(within(main).getByLabelText('Anglais'), 'professional');
    await user.type(within(main).getByLabelText('ORCID iD (facultatif)'), '0000-0002-1825-0098');
    await user.click(within(main).getByRole('checkbox', { name: /annuaire public/ }));
    await user.click(within(main).getByRole('button', { name: 'Envoyer ma candidature' }));

    const orcid = within(main).getByLabelText('ORCID iD (facultatif)');
    await waitFor(() => expect(orcid).toHaveAttribute('aria-invalid', 'true'));
    expect(orcid).toHaveAccessibleDescription(
      expect.stringContaining('Not a valid ORCID iD: the check digit is wrong.'),
    );
    // Focus goes to the first place at fault: the languages come before the ORCID iD.
    const languages = within(main).getByRole('group', { name: 'Langues de travail' });
    expect(languages).toHaveAccessibleDescription(
      expect.stringContaining('Unknown language subtag.'),
    );
    expect(languages).toHaveFocus();
    expect(within(main).getAllByRole('alert')[0]).toHaveTextContent(
      'Veuillez corriger les champs signalés.',
    );
    expect(sent[0]).toMatchObject({
      full_name: 'Awa Diallo',
      country: 'SN',
      position: 'Secrétaire générale',
      organisation: 'Ville de Dakar',
      themes: ['local_finance'],
      languages: [
        { tag: 'fr', level: 'native' },
        { tag: 'en', level: 'professional' },
      ],
      public_listing_consent: true,
      email: 'awa.diallo@example.org',
    });

    await user.clear(orcid);
    await user.type(orcid, '0000-0002-1825-0097');
    await user.click(within(main).getByRole('button', { name: 'Envoyer ma candidature' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: "Mon profil d'expert" }),
    ).toBeInTheDocument();
    expect(location.current?.pathname).toBe('/me/expert');
    expect(
      screen.getByText('Votre candidature est envoyée. Vous serez informé de la décision.'),
    ).toBeInTheDocument();
    expect(screen.getByText('En attente de validation')).toBeInTheDocument();
  });

  it("shows the coordinator's note on a rejected application", async () => {
    signedIn();
    server.use(
      http.get('/api/experts/me', () =>
        HttpResponse.json(
          makeProfile({ status: 'rejected', vetting_note: 'Merci de préciser vos références.' }),
        ),
      ),
    );
    renderApp('/me/expert');
    expect(await screen.findByText('Refusé')).toBeInTheDocument();
    expect(screen.getByText('Merci de préciser vos références.')).toBeInTheDocument();
    expect(screen.getByText('Ce profil ne peut plus être modifié.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).not.toBeInTheDocument();
  });
});
