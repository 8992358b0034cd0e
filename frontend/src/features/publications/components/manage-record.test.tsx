import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { RecordDetail, RecordInput, RecordTransition } from '@/api/models';
import { problem, testUser } from '@/testing/mocks/handlers';
import { recordDetail } from '@/testing/mocks/publications';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

function signedInAs(roles: string[]) {
  server.use(http.get('/api/identity/users/me', () => HttpResponse.json({ ...testUser, roles })));
}

describe('library management', () => {
  it('is neither offered nor shown to a learner', async () => {
    signedInAs(['learner', 'expert']);
    const calls: string[] = [];
    server.use(
      http.post('/api/publications/records', () => {
        calls.push('create');
        return problem(403, 'Coordinators only');
      }),
    );
    renderApp('/manage/library/new');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès réservé' }),
    ).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(
      within(nav).queryByRole('link', { name: 'Gérer la bibliothèque' }),
    ).not.toBeInTheDocument();
    expect(
      within(nav).queryByRole('link', { name: 'Valider les experts' }),
    ).not.toBeInTheDocument();
    // An expert finds their own profile there instead.
    expect(within(nav).getByRole('link', { name: "Mon profil d'expert" })).toHaveAttribute(
      'href',
      '/me/expert',
    );
    expect(screen.queryByRole('button', { name: 'Créer le document' })).not.toBeInTheDocument();
    expect(calls).toEqual([]);
  });

  it('lets a coordinator create a draft, see upload refusals, add a file and publish', async () => {
    signedInAs(['coordinator']);
    let record: RecordDetail | null = null;
    const created: RecordInput[] = [];
    const transitions: RecordTransition[] = [];
    const uploads: string[] = [];
    server.use(
      http.post('/api/publications/records', async ({ request }) => {
        const body = (await request.json()) as RecordInput;
        created.push(body);
        record = {
          ...recordDetail,
          id: 'c3d4e5f6-0000-4000-8000-000000000003',
          title: body.title.fr ?? '',
          status: 'draft',
          version: 0,
          files: [],
          allowed_actions: ['publish'],
          translations: { title: { ...body.title }, abstract: {}, keywords: {} },
        };
        return HttpResponse.json(record, { status: 201 });
      }),
      http.get('/api/publications/records/:id', ({ request }) => {
        expect(new URL(request.url).searchParams.get('lang')).toBe('all');
        return record ? HttpResponse.json(record) : problem(404, 'No record with this id.');
      }),
      http.post('/api/publications/records/:id/files', async ({ request }) => {
        // jsdom's File loses its name on the way through Node's FormData: tell them by content.
        const content = await ((await request.formData()).get('file') as File).text();
        uploads.push(content);
        if (content.startsWith('MZ')) {
          return problem(415, 'Not an accepted document type.', [
            { field: 'file', message: 'The content is not a PDF.', code: 'unsupported_media_type' },
          ]);
        }
        if (content === 'huge') return problem(413, 'The file is larger than 50 MiB.');
        const stored = { ...recordDetail.files[0], id: 'f1', filename: 'note.pdf', label: null };
        record = { ...record!, files: [stored] };
        return HttpResponse.json(stored, { status: 201 });
      }),
      http.post('/api/publications/records/:id/transitions', async ({ request }) => {
        const body = (await request.json()) as RecordTransition;
        transitions.push(body);
        record = { ...record!, status: 'published', version: 1, allowed_actions: ['withdraw'] };
        return HttpResponse.json(record);
      }),
    );

    const { user, location } = renderApp('/manage/library');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Gérer la bibliothèque' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Nouveau document' }));
    const main = screen.getByRole('main');
    expect(
      await within(main).findByRole('heading', { level: 1, name: 'Nouveau document' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(within(main).getByLabelText('Type de document')).toHaveValue('policy_brief'),
    );
    await user.type(
      within(main).getByLabelText('Titre (Français)'),
      'Fiscalité locale : cinq leviers',
    );
    await user.type(within(main).getByLabelText('Nom'), 'Diallo, Aïssatou');
    await user.click(within(main).getByRole('checkbox', { name: 'Finances locales' }));
    await user.click(within(main).getByRole('button', { name: 'Créer le document' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Fiscalité locale : cinq leviers' }),
    ).toBeInTheDocument();
    expect(location.current?.pathname).toBe('/manage/library/c3d4e5f6-0000-4000-8000-000000000003');
    expect(created[0]).toMatchObject({
      type: 'policy_brief',
      language: 'fr',
      title: { fr: 'Fiscalité locale : cinq leviers' },
      authors: [{ name: 'Diallo, Aïssatou', orcid: null, expert_id: null, organisation: false }],
      themes: ['local_finance'],
    });

    // A renamed executable is refused (415), so is a file over the limit (413).
    const files = screen.getByRole('region', { name: 'Fichiers' });
    const input = within(files).getByLabelText('Fichier');
    const pdf = (name: string, content = '%PDF-1.4\n') =>
      new File([content], name, { type: 'application/pdf' });
    await user.upload(input, pdf('setup.exe.pdf', 'MZ\x90\x00'));
    await user.click(within(files).getByRole('button', { name: 'Téléverser' }));
    expect(
      await within(files).findByText(
        "Ce type de fichier n'est pas accepté : envoyez un PDF ou un document bureautique.",
      ),
    ).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('The content is not a PDF.'));

    await user.upload(input, pdf('huge.pdf', 'huge'));
    await user.click(within(files).getByRole('button', { name: 'Téléverser' }));
    expect(
      await within(files).findByText('Ce fichier dépasse la taille autorisée.'),
    ).toBeInTheDocument();

    await user.upload(input, pdf('note.pdf'));
    await user.click(within(files).getByRole('button', { name: 'Téléverser' }));
    expect(
      await within(files).findByText('Le fichier « note.pdf » est ajouté.'),
    ).toBeInTheDocument();
    expect(within(files).getByRole('link', { name: 'note.pdf' })).toHaveAttribute(
      'href',
      '/api/publications/records/c3d4e5f6-0000-4000-8000-000000000003/files/f1',
    );
    expect(uploads).toEqual(['MZ\x90\x00', 'huge', '%PDF-1.4\n']);

    const lifecycle = screen.getByRole('region', { name: 'Statut et publication' });
    expect(lifecycle).toHaveTextContent('Brouillon');
    await user.click(within(lifecycle).getByRole('button', { name: 'Publier' }));
    expect(await within(lifecycle).findByText('Le document est publié.')).toBeInTheDocument();
    expect(await within(lifecycle).findByRole('button', { name: 'Retirer…' })).toBeInTheDocument();
    expect(transitions).toEqual([{ action: 'publish' }]);
    expect(screen.getByRole('link', { name: 'Voir la page publique' })).toHaveAttribute(
      'href',
      '/library/c3d4e5f6-0000-4000-8000-000000000003',
    );
  });
});
