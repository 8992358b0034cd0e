import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { EndorsementDecision, EndorsementView } from '@/api/models';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

// The shape of the service's signed tokens: dots and dashes included, as in a real link.
const TOKEN = 'eyJlIjoiZTEiLCJuIjoibjEifQ.Z3x9Qw.c2lnbmF0dXJlLW9mLXRoZS1saW5r';

const view: EndorsementView = {
  endorser_name: 'Moussa Diallo',
  status: 'pending',
  applicant_name: 'Aïssatou Bâ',
  applicant_position: 'Secrétaire générale',
  applicant_organisation: 'Ville de Thiès',
  session_title: 'Finances locales — Dakar 2027',
  programme_title: 'Collège ALGA : Finances locales',
  session_starts_at: '2027-02-01T08:00:00Z',
  motivation: 'Moderniser la collecte des recettes de ma commune.',
};

describe("the endorser's page", () => {
  it('shows only the application asked about, and records the endorsement once', async () => {
    const decisions: EndorsementDecision[] = [];
    server.use(
      http.get('/api/enrollment/endorsements/:token', ({ params }) =>
        params.token === TOKEN ? HttpResponse.json(view) : problem(404, 'This endorsement link is not valid.'),
      ),
      http.post('/api/enrollment/endorsements/:token', async ({ request, params }) => {
        if (params.token !== TOKEN) return problem(404, 'This endorsement link is not valid.');
        const body = (await request.json()) as EndorsementDecision;
        decisions.push(body);
        return HttpResponse.json({ ...view, status: body.decision === 'endorse' ? 'endorsed' : 'declined' });
      }),
    );
    const { user } = renderApp(`/endorse/${TOKEN}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Appuyer une candidature' }, { timeout: 5000 })).toBeInTheDocument();
    expect(await screen.findByText('Bonjour Moussa Diallo,')).toBeInTheDocument();
    const application = screen.getByRole('region', { name: 'La candidature' });
    expect(application).toHaveTextContent('Aïssatou Bâ');
    expect(application).toHaveTextContent('Ville de Thiès');
    expect(application).toHaveTextContent('Collège ALGA : Finances locales');
    expect(application).toHaveTextContent('Finances locales — Dakar 2027');
    expect(application).toHaveTextContent('1 février 2027');
    expect(application).toHaveTextContent('Moderniser la collecte des recettes de ma commune.');

    await user.click(screen.getByRole('radio', { name: "J'appuie cette candidature" }));
    await user.type(screen.getByLabelText('Commentaire (facultatif)'), 'Soutien total de la mairie.');
    await user.click(screen.getByRole('button', { name: 'Envoyer ma réponse' }));

    expect(await screen.findByText(/votre appui à la candidature de Aïssatou Bâ est enregistré/)).toBeInTheDocument();
    expect(screen.getByText(/Ce lien ne peut plus servir/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Envoyer ma réponse' })).not.toBeInTheDocument();
    expect(decisions).toEqual([{ decision: 'endorse', comment: 'Soutien total de la mairie.' }]);
  });

  it('records a refusal without a comment', async () => {
    const decisions: EndorsementDecision[] = [];
    server.use(
      http.get('/api/enrollment/endorsements/:token', () => HttpResponse.json(view)),
      http.post('/api/enrollment/endorsements/:token', async ({ request }) => {
        decisions.push((await request.json()) as EndorsementDecision);
        return HttpResponse.json({ ...view, status: 'declined' });
      }),
    );
    const { user } = renderApp(`/endorse/${TOKEN}`);

    await user.click(await screen.findByRole('radio', { name: "Je n'appuie pas cette candidature" }, { timeout: 5000 }));
    await user.click(screen.getByRole('button', { name: 'Envoyer ma réponse' }));

    expect(await screen.findByText(/vous n'appuyez pas la candidature de Aïssatou Bâ/)).toBeInTheDocument();
    expect(decisions).toEqual([{ decision: 'decline', comment: null }]);
  });

  it('says clearly when the link was already used or has expired', async () => {
    server.use(
      http.get('/api/enrollment/endorsements/:token', () =>
        problem(410, 'This endorsement link was already used or replaced by a newer one.'),
      ),
    );
    renderApp(`/endorse/${TOKEN}`);

    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent("Ce lien n'est plus valable.");
    expect(alert).toHaveTextContent('Il a déjà servi, il a expiré ou un lien plus récent');
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('says when the link is not valid at all', async () => {
    server.use(
      http.get('/api/enrollment/endorsements/:token', () => problem(404, 'This endorsement link is not valid.')),
    );
    renderApp('/endorse/garbled');

    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent("Ce lien n'est pas valide.");
    expect(alert).toHaveTextContent('copié en entier');
  });

  it('shows the link as spent when someone answered in the meantime', async () => {
    server.use(
      http.get('/api/enrollment/endorsements/:token', () => HttpResponse.json(view)),
      http.post('/api/enrollment/endorsements/:token', () => problem(410, 'This endorsement link was already used.')),
    );
    const { user } = renderApp(`/endorse/${TOKEN}`);

    await user.click(await screen.findByRole('radio', { name: "J'appuie cette candidature" }, { timeout: 5000 }));
    await user.click(screen.getByRole('button', { name: 'Envoyer ma réponse' }));

    expect(await screen.findByText("Ce lien n'est plus valable.")).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Envoyer ma réponse' })).not.toBeInTheDocument();
  });
});
