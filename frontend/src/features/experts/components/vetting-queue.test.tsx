import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ExpertProfile, ExpertTransition } from '@/api/models';
import { makeProfile } from '@/testing/mocks/experts';
import { problem, testUser } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

function signedInAs(roles: string[]) {
  server.use(http.get('/api/identity/users/me', () => HttpResponse.json({ ...testUser, roles })));
}

/** Every call a page makes to the staff endpoints, answered as the service would answer a coordinator. */
function staffEndpoints(queue: ExpertProfile[]) {
  const calls: string[] = [];
  const transitions: ExpertTransition[] = [];
  server.use(
    http.get('/api/experts/applications', ({ request }) => {
      calls.push(new URL(request.url).pathname);
      const pending = queue.filter((p) => p.status === 'pending');
      return HttpResponse.json({ items: pending, total: pending.length, limit: 50, offset: 0 });
    }),
    http.get('/api/experts/duplicates', ({ request }) => {
      calls.push(new URL(request.url).pathname);
      return HttpResponse.json({ items: [], total: 0, limit: 100, offset: 0 });
    }),
    http.post('/api/experts/profiles/:id/transitions', async ({ params, request }) => {
      const body = (await request.json()) as ExpertTransition;
      transitions.push(body);
      if (body.action === 'reject' && !body.note) {
        return problem(422, 'The request has invalid fields.', [
          { field: 'note', message: 'Say why the application is turned down.', code: 'missing' },
        ]);
      }
      const profile = queue.find((p) => p.id === params.id)!;
      profile.status = body.action === 'verify' ? 'verified' : 'rejected';
      return HttpResponse.json(profile);
    }),
  );
  return { calls, transitions };
}

describe('the vetting area', () => {
  it('is neither offered nor shown to a learner', async () => {
    signedInAs(['learner']);
    const { calls } = staffEndpoints([]);
    renderApp('/manage/experts');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès réservé' }),
    ).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: 'Experts' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Bibliothèque' })).toBeInTheDocument();
    expect(
      within(nav).queryByRole('link', { name: 'Valider les experts' }),
    ).not.toBeInTheDocument();
    expect(
      within(nav).queryByRole('link', { name: 'Gérer la bibliothèque' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: "Exporter l'annuaire (CSV)" }),
    ).not.toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});

describe('the vetting queue', () => {
  it('lets a coordinator reject with a note and verify, and links the CSV export', async () => {
    signedInAs(['coordinator']);
    const queue = [
      makeProfile({ allowed_actions: ['verify', 'reject'] }),
      makeProfile({
        id: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c06',
        full_name: 'Jean Ondoa',
        title: null,
        email: 'jean.ondoa@example.org',
        allowed_actions: ['verify', 'reject'],
      }),
    ];
    const { transitions } = staffEndpoints(queue);
    const { user } = renderApp('/manage/experts');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Valider les experts' }),
    ).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: 'Valider les experts' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: "Exporter l'annuaire (CSV)" })).toHaveAttribute(
      'href',
      '/api/experts/experts/export.csv',
    );
    expect(await screen.findByText('2 profils')).toBeInTheDocument();

    // Rejecting needs a note: the API's error shows next to it.
    const ondoa = screen.getByRole('article', { name: 'Jean Ondoa' });
    expect(ondoa).toHaveTextContent('jean.ondoa@example.org');
    await user.click(within(ondoa).getByRole('button', { name: 'Refuser' }));
    const note = within(ondoa).getByLabelText('Note pour le candidat');
    await waitFor(() => expect(note).toHaveAttribute('aria-invalid', 'true'));
    expect(note).toHaveAccessibleDescription(expect.stringContaining('Ce champ est obligatoire.'));
    await user.type(note, 'Merci de préciser vos références.');
    await user.click(within(ondoa).getByRole('button', { name: 'Refuser' }));
    expect(
      await screen.findByText('La candidature de Jean Ondoa est refusée.'),
    ).toBeInTheDocument();

    const diallo = await screen.findByRole('article', { name: 'Dr Aïssatou Diallo' });
    await user.click(within(diallo).getByRole('button', { name: 'Valider' }));
    expect(
      await screen.findByText('Le profil de Dr Aïssatou Diallo est validé.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('article')).not.toBeInTheDocument());
    expect(transitions).toEqual([
      { action: 'reject', note: null },
      { action: 'reject', note: 'Merci de préciser vos références.' },
      { action: 'verify', note: null },
    ]);
  });
});
