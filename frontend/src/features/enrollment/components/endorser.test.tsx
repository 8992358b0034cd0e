import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { EndorserInput } from '@/api/models';
import { ENROLLMENT_SESSION_ID, makeApplication, makeEnrollmentSession } from '@/testing/mocks/enrollment';
import { problem, testUser } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

const signedIn = () => http.get('/api/identity/users/me', () => HttpResponse.json(testUser));

const endorsement = {
  endorser_name: 'Moussa Diallo',
  endorser_email: 'sg@ville-de-thies.sn',
  endorser_organisation: 'Ville de Thiès',
  endorser_role: 'Secrétaire général',
  status: 'declined',
  comment: 'Je ne connais pas assez ce dossier.',
  requested_at: '2026-11-29T10:00:00Z',
  decided_at: '2026-11-30T10:00:00Z',
};

describe('naming an endorser', () => {
  it('asks who endorses the application when the programme requires it, and sends them', async () => {
    let sent: Record<string, unknown> | null = null;
    server.use(
      signedIn(),
      http.get('/api/enrollment/sessions/:id', () =>
        HttpResponse.json(makeEnrollmentSession({ requires_endorsement: true })),
      ),
      http.post('/api/enrollment/applications', async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        const endorser = sent.endorser as EndorserInput;
        if (!endorser.email.includes('@')) {
          return problem(422, 'Invalid application', [
            { field: 'endorser.email', message: 'Not an e-mail address.', code: 'string_pattern_mismatch' },
          ]);
        }
        return HttpResponse.json(makeApplication(), { status: 201 });
      }),
    );
    const { user } = renderApp(`/sessions/${ENROLLMENT_SESSION_ID}/apply`);

    await user.type(await screen.findByLabelText('Motivation', {}, { timeout: 5000 }), 'Je veux apprendre.');
    const endorser = screen.getByRole('group', { name: 'Qui appuie votre candidature ?' });
    await user.type(within(endorser).getByLabelText('Nom de la personne'), 'Moussa Diallo');
    await user.type(within(endorser).getByLabelText('Son adresse e-mail'), 'sg-ville-de-thies');
    await user.type(within(endorser).getByLabelText('Son organisation'), 'Ville de Thiès');
    await user.click(screen.getByRole('button', { name: 'Envoyer ma candidature' }));

    expect(await screen.findByText('Not an e-mail address.')).toBeInTheDocument();
    const email = within(endorser).getByLabelText('Son adresse e-mail');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    await user.clear(email);
    await user.type(email, 'sg@ville-de-thies.sn');
    await user.click(screen.getByRole('button', { name: 'Envoyer ma candidature' }));

    expect(await screen.findByText('Votre candidature a été envoyée.')).toBeInTheDocument();
    expect(sent).toMatchObject({
      endorser: { name: 'Moussa Diallo', email: 'sg@ville-de-thies.sn', organisation: 'Ville de Thiès', role: null },
    });
  });

  it('shows the answer in My space, and sends a new link to someone else', async () => {
    let application = makeApplication({ endorsement });
    const renamed: EndorserInput[] = [];
    server.use(
      signedIn(),
      http.get('/api/enrollment/applications', () =>
        HttpResponse.json({ items: [application], total: 1, limit: 100, offset: 0, facets: {} }),
      ),
      http.get('/api/enrollment/applications/:id', () => HttpResponse.json(application)),
      http.put('/api/enrollment/applications/:id/endorser', async ({ request }) => {
        const body = (await request.json()) as EndorserInput;
        renamed.push(body);
        application = makeApplication({
          endorsement: {
            ...endorsement,
            endorser_name: body.name,
            endorser_email: body.email,
            endorser_organisation: body.organisation ?? null,
            endorser_role: body.role ?? null,
            status: 'pending',
            comment: null,
            decided_at: null,
          },
        });
        return HttpResponse.json(application);
      }),
    );
    const { user } = renderApp('/me/applications');

    const card = await screen.findByRole('article', { name: 'Finances locales — Dakar 2027' }, { timeout: 5000 });
    expect(card).toHaveTextContent('Appui demandé à Moussa Diallo (Ville de Thiès) : appui refusé');
    expect(card).toHaveTextContent('Je ne connais pas assez ce dossier.');
    await user.click(within(card).getByText('Renvoyer un lien, à cette personne ou à une autre'));
    const name = within(card).getByLabelText('Nom de la personne');
    expect(name).toHaveValue('Moussa Diallo');
    await user.clear(name);
    await user.type(name, 'Fatou Sarr');
    const email = within(card).getByLabelText('Son adresse e-mail');
    await user.clear(email);
    await user.type(email, 'dg@anci.sn');
    await user.click(within(card).getByRole('button', { name: 'Envoyer un nouveau lien' }));

    expect(
      await within(card).findByText("Un nouveau lien a été envoyé à dg@anci.sn ; l'ancien ne fonctionne plus."),
    ).toBeInTheDocument();
    expect(await within(card).findByText(/Appui demandé à Fatou Sarr/)).toHaveTextContent('en attente de réponse');
    expect(renamed).toEqual([
      { name: 'Fatou Sarr', email: 'dg@anci.sn', organisation: 'Ville de Thiès', role: 'Secrétaire général' },
    ]);
  });
});
