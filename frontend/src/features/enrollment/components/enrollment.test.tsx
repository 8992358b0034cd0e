import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ApplicationTransition, EnrollmentApplicationDetail } from '@/api/models';
import {
  ENROLLMENT_SESSION_ID,
  makeApplication,
  makeCertificate,
  makeEnrollmentSession,
  verificationOf,
} from '@/testing/mocks/enrollment';
import { problem, testUser } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

const signedIn = () => http.get('/api/identity/users/me', () => HttpResponse.json(testUser));
const applyPath = `/sessions/${ENROLLMENT_SESSION_ID}/apply`;

describe('the application form', () => {
  it("shows the API's field errors next to the fields, and retries with the same Idempotency-Key", async () => {
    const keys: (string | null)[] = [];
    server.use(
      signedIn(),
      http.get('/api/enrollment/sessions/:id', () =>
        HttpResponse.json(
          makeEnrollmentSession({
            questions: [
              { id: 'budget', label: { fr: 'Quel budget gérez-vous ?', en: 'What budget do you manage?' }, required: true },
            ],
          }),
        ),
      ),
      http.post('/api/enrollment/applications', ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        return problem(422, 'Invalid application', [
          { field: 'motivation', message: 'La motivation est trop courte.', code: 'too_short' },
          { field: 'answers.budget', message: 'This question needs an answer.', code: 'missing' },
        ]);
      }),
    );
    const { user } = renderApp(applyPath);

    const motivation = await screen.findByLabelText('Motivation');
    expect(screen.getByLabelText('Fonction')).toHaveValue(testUser.position);
    await user.type(motivation, 'Court');
    await user.click(screen.getByRole('button', { name: 'Envoyer ma candidature' }));

    expect(await screen.findByText('La motivation est trop courte.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Veuillez corriger les champs signalés.');
    expect(motivation).toHaveAttribute('aria-invalid', 'true');
    const budget = screen.getByLabelText('Quel budget gérez-vous ?');
    expect(budget).toHaveAttribute('aria-invalid', 'true');
    expect(budget).toHaveAccessibleDescription('Ce champ est obligatoire.');

    await user.click(screen.getByRole('button', { name: 'Envoyer ma candidature' }));
    await screen.findByText('La motivation est trop courte.');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('says clearly that the learner already applied (409)', async () => {
    server.use(
      signedIn(),
      http.post('/api/enrollment/applications', () =>
        problem(409, 'You already have an application to this session (submitted).'),
      ),
    );
    const { user } = renderApp(applyPath);

    await user.type(await screen.findByLabelText('Motivation'), 'Je veux apprendre.');
    await user.click(screen.getByRole('button', { name: 'Envoyer ma candidature' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Vous avez déjà candidaté à cette session.');
    expect(screen.getByRole('link', { name: 'Voir votre candidature dans Mon espace' })).toHaveAttribute(
      'href',
      '/me/applications',
    );
  });

  it('sends the application, then the CV as a PDF attachment', async () => {
    let sent: Record<string, unknown> | null = null;
    const uploads: { kind: string; content: string }[] = [];
    server.use(
      signedIn(),
      http.post('/api/enrollment/applications', async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json(makeApplication(), { status: 201 });
      }),
      http.post('/api/enrollment/applications/:id/attachments', async ({ request }) => {
        const form = await request.formData();
        const file = form.get('file') as File;
        uploads.push({ kind: String(form.get('kind')), content: await file.text() });
        return HttpResponse.json(
          { id: 'f1', kind: 'cv', filename: 'cv.pdf', size: 10, sha256: 'x', uploaded_at: '2026-11-29T10:00:00Z' },
          { status: 201 },
        );
      }),
    );
    const { user } = renderApp(applyPath);

    await user.type(await screen.findByLabelText('Motivation'), 'Je veux apprendre.');
    await user.upload(
      screen.getByLabelText('CV'),
      new File(['%PDF-1.4'], 'cv.pdf', { type: 'application/pdf' }),
    );
    await user.click(screen.getByRole('button', { name: 'Envoyer ma candidature' }));

    expect(await screen.findByText('Votre candidature a été envoyée.')).toBeInTheDocument();
    expect(sent).toMatchObject({ session_id: ENROLLMENT_SESSION_ID, motivation: 'Je veux apprendre.' });
    expect(uploads).toEqual([{ kind: 'cv', content: '%PDF-1.4' }]);
  });
});

describe('my space', () => {
  it('shows the timeline and the deadline of an offered seat, and confirms it', async () => {
    let application: EnrollmentApplicationDetail = makeApplication({
      status: 'accepted',
      allowed_actions: ['confirm', 'withdraw'],
      offer_expires_at: '2026-12-06T10:00:00Z',
      timeline: [
        ...makeApplication().timeline,
        {
          action: 'accept',
          from_status: 'submitted',
          to_status: 'accepted',
          by: 'coordinator',
          by_role: 'coordinator',
          message: 'Bienvenue dans la promotion.',
          at: '2026-11-30T09:00:00Z',
        },
      ],
    });
    const moves: ApplicationTransition[] = [];
    server.use(
      signedIn(),
      http.get('/api/enrollment/applications', () =>
        HttpResponse.json({ items: [application], total: 1, limit: 100, offset: 0, facets: {} }),
      ),
      http.get('/api/enrollment/applications/:id', () => HttpResponse.json(application)),
      http.post('/api/enrollment/applications/:id/transitions', async ({ request }) => {
        const move = (await request.json()) as ApplicationTransition;
        moves.push(move);
        application = {
          ...application,
          status: 'confirmed',
          allowed_actions: ['withdraw'],
          offer_expires_at: null,
          timeline: [
            ...application.timeline,
            {
              action: 'confirm',
              from_status: 'accepted',
              to_status: 'confirmed',
              by: testUser.id,
              by_role: 'learner',
              message: null,
              at: '2026-12-01T09:00:00Z',
            },
          ],
        };
        return HttpResponse.json(application);
      }),
    );
    const { user } = renderApp('/me/applications');

    const card = await screen.findByRole('article', { name: 'Finances locales — Dakar 2027' });
    expect(within(card).getByText('Acceptée')).toBeInTheDocument();
    expect(card).toHaveTextContent('confirmez-la avant le 6 décembre 2026');
    const timeline = await within(card).findByRole('list');
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(2);
    expect(timeline).toHaveTextContent('Envoyée');
    expect(timeline).toHaveTextContent('Bienvenue dans la promotion.');

    await user.click(within(card).getByRole('button', { name: 'Confirmer ma place' }));

    expect(await within(card).findByText('Place confirmée', { selector: '.badge' })).toBeInTheDocument();
    expect(moves).toEqual([{ action: 'confirm' }]);
    expect(within(card).queryByRole('button', { name: 'Confirmer ma place' })).not.toBeInTheDocument();
    await within(card).findByText(/Place confirmée$/, { selector: 'li' });
  });

  it('lists certificates with a link to their PDF and to their public verification page', async () => {
    const certificate = makeCertificate();
    server.use(
      signedIn(),
      http.get('/api/enrollment/certificates', () =>
        HttpResponse.json({ items: [certificate], total: 1, limit: 100, offset: 0 }),
      ),
    );
    renderApp('/me/applications');

    expect(await screen.findByText('Vous n\'avez encore candidaté à aucune session.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Télécharger le PDF' })).toHaveAttribute(
      'href',
      `/api/enrollment/certificates/${certificate.code}/pdf`,
    );
    const certificates = screen.getByRole('region', { name: 'Mes certificats' });
    expect(within(certificates).getByRole('link', { name: 'Page de vérification' })).toHaveAttribute(
      'href',
      `/verify/${certificate.code}`,
    );
    expect(certificates).toHaveTextContent(`Code ${certificate.code}`);
  });
});

describe('certificate verification', () => {
  it('shows holder, programme, session, date and validity to anyone', async () => {
    const certificate = makeCertificate();
    server.use(
      http.get('/api/enrollment/certificates/:code', ({ params }) =>
        params.code === certificate.code
          ? HttpResponse.json(verificationOf(certificate))
          : problem(404, 'No such certificate'),
      ),
    );
    renderApp(`/verify/${certificate.code}`);

    const result = await screen.findByRole('region', { name: 'Certificat valide' });
    expect(result).toHaveTextContent('Awa Diallo');
    expect(result).toHaveTextContent('Collège ALGA : Finances locales');
    expect(result).toHaveTextContent('Finances locales — Dakar 2027');
    expect(result).toHaveTextContent('5 février 2027');
  });

  it('checks a typed code and says when it is revoked or unknown', async () => {
    const revoked = makeCertificate({ code: 'ALGA-2027-REVOKED', status: 'revoked' });
    server.use(
      http.get('/api/enrollment/certificates/:code', ({ params }) =>
        params.code === revoked.code
          ? HttpResponse.json(verificationOf(revoked))
          : problem(404, 'No such certificate'),
      ),
    );
    const { user, location } = renderApp('/certificates');

    await user.type(await screen.findByLabelText('Code du certificat'), 'NOPE');
    await user.click(screen.getByRole('button', { name: 'Vérifier' }));
    expect(await screen.findByText('Aucun certificat ne porte le code « NOPE ».')).toBeInTheDocument();

    const input = screen.getByLabelText('Code du certificat');
    await user.clear(input);
    await user.type(input, revoked.code);
    await user.click(screen.getByRole('button', { name: 'Vérifier' }));
    expect(await screen.findByRole('region', { name: 'Certificat révoqué' })).toBeInTheDocument();
    expect(location.current?.pathname).toBe(`/verify/${revoked.code}`);
  });
});
