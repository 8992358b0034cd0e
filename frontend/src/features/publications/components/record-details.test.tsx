import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { bibtex, recordDetail } from '@/testing/mocks/publications';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

const path = `/library/${recordDetail.id}`;

describe('a record page', () => {
  it('shows the record, links its expert author, offers its file and its JSON-LD', async () => {
    renderApp(path);
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Mobiliser les ressources propres des communes',
      }),
    ).toBeInTheDocument();
    const authors = screen.getByRole('region', { name: 'Auteurs' });
    expect(within(authors).getByRole('link', { name: 'Aïssatou Diallo' })).toHaveAttribute(
      'href',
      '/experts/3c9a1f0e-5b7d-4a4e-9a51-0d2f8b6c1e01',
    );
    // An organisation is not an expert: its name is not a link.
    expect(within(authors).getByText('CGLU Afrique').closest('a')).toBeNull();
    const download = screen.getByRole('link', { name: 'Télécharger « Version française »' });
    expect(download).toHaveAttribute(
      'href',
      `/api/publications/records/${recordDetail.id}/files/f0000000-0000-4000-8000-000000000001`,
    );
    const jsonLd = document.querySelector('script[type="application/ld+json"]');
    expect(JSON.parse(jsonLd?.textContent ?? '{}')).toMatchObject({ '@type': 'Report' });
  });

  it('copies the citation to the clipboard', async () => {
    const asked: string[] = [];
    server.use(
      http.get('/api/publications/records/:id/citation', ({ request }) => {
        const format = new URL(request.url).searchParams.get('format') ?? '';
        asked.push(format);
        return format === 'ris'
          ? new HttpResponse('TY  - RPRT\nER  - \n', {
              headers: { 'Content-Type': 'application/x-research-info-systems' },
            })
          : new HttpResponse(bibtex, { headers: { 'Content-Type': 'application/x-bibtex' } });
      }),
    );
    const { user } = renderApp(path);
    const cite = await screen.findByRole('region', { name: 'Citer' });
    expect(await within(cite).findByText(/@techreport\{diallo2026mobiliser/)).toBeInTheDocument();

    await user.click(within(cite).getByRole('button', { name: 'Copier la citation' }));
    expect(await navigator.clipboard.readText()).toBe(bibtex);
    expect(within(cite).getByRole('status')).toHaveTextContent(
      'La citation est copiée dans le presse-papiers.',
    );

    // Another format: its text, its download link, and copying that one.
    await user.click(within(cite).getByRole('radio', { name: 'RIS' }));
    expect(await within(cite).findByText(/TY - RPRT/)).toBeInTheDocument();
    expect(within(cite).getByRole('status')).toBeEmptyDOMElement();
    expect(
      within(cite).getByRole('link', { name: 'Télécharger le fichier de citation' }),
    ).toHaveAttribute(
      'href',
      `/api/publications/records/${recordDetail.id}/citation?format=ris&lang=fr`,
    );
    await user.click(within(cite).getByRole('button', { name: 'Copier la citation' }));
    await waitFor(async () =>
      expect(await navigator.clipboard.readText()).toBe('TY  - RPRT\nER  - \n'),
    );
    expect(asked).toEqual(['bibtex', 'ris']);
  });

  it('explains a withdrawn record with the reason the coordinator gave', async () => {
    server.use(
      http.get('/api/publications/records/:id', () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Withdrawn',
            status: 410,
            detail: 'This record was withdrawn: duplicate of a later edition',
            reason: 'duplicate of a later edition',
            record_title: { fr: 'Ancienne note', en: 'Old brief' },
          },
          { status: 410, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    renderApp(path);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Document retiré' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Ancienne note')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Ce document a été retiré : duplicate of a later edition',
    );
  });

  it('follows the links the services wrote before (`/publications/{id}`) to the library page', async () => {
    const { location } = renderApp(`/publications/${recordDetail.id}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: recordDetail.title }),
    ).toBeInTheDocument();
    expect(location.current?.pathname).toBe(path);
  });

  it('says when a record does not exist', async () => {
    server.use(
      http.get('/api/publications/records/:id', () => problem(404, 'No record with this id.')),
    );
    renderApp('/library/unknown');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Document introuvable' }),
    ).toBeInTheDocument();
  });
});
