import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { AppNotification } from '@/api/models';
import { testUser } from '@/testing/mocks/handlers';
import { makeNotification } from '@/testing/mocks/notifications';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

const signedIn = () => http.get('/api/identity/users/me', () => HttpResponse.json(testUser));

describe('notifications', () => {
  it('shows the unread count on the bell of a signed-in person only', async () => {
    server.use(
      signedIn(),
      http.get('/api/notifications/notifications/unread-count', () => HttpResponse.json({ unread: 3 })),
    );
    renderApp('/');

    const bell = await screen.findByRole('link', { name: 'Notifications : 3 non lues' });
    expect(bell).toHaveAttribute('href', '/me/notifications');
    expect(within(bell).getByText('3')).toBeInTheDocument();
  });

  it('asks nothing for a visitor', async () => {
    let asked = false;
    server.use(
      http.get('/api/notifications/notifications/unread-count', () => {
        asked = true;
        return HttpResponse.json({ unread: 0 });
      }),
    );
    renderApp('/');
    expect(await screen.findByRole('link', { name: 'Se connecter' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Notifications/ })).not.toBeInTheDocument();
    expect(asked).toBe(false);
  });

  it('lists notifications, marks one read, then all', async () => {
    let items: AppNotification[] = [
      makeNotification(),
      makeNotification({ id: 'n2', subject: 'Certificat délivré', kind: 'certificate_issued' }),
    ];
    const unread = () => items.filter((n) => !n.read).length;
    const markRead = (n: AppNotification) => ({ ...n, read: true, read_at: '2026-11-29T11:00:00Z' });
    server.use(
      signedIn(),
      http.get('/api/notifications/notifications/unread-count', () => HttpResponse.json({ unread: unread() })),
      http.get('/api/notifications/notifications', () =>
        HttpResponse.json({ items, total: items.length, limit: 20, offset: 0, unread: unread() }),
      ),
      http.post('/api/notifications/notifications/:id/read', ({ params }) => {
        items = items.map((n) => (n.id === params.id ? markRead(n) : n));
        return HttpResponse.json(items.find((n) => n.id === params.id));
      }),
      http.post('/api/notifications/notifications/read-all', () => {
        const marked = unread();
        items = items.map(markRead);
        return HttpResponse.json({ marked, unread: 0 });
      }),
    );
    const { user } = renderApp('/me/notifications');

    expect(await screen.findByRole('heading', { level: 1, name: 'Notifications' })).toBeInTheDocument();
    expect(await screen.findByText('2 notifications non lues.')).toBeInTheDocument();
    const first = screen.getByRole('article', { name: /Votre candidature est acceptée/ });
    expect(first).toHaveTextContent('Confirmez votre place avant le 6 décembre.');
    expect(within(first).getByRole('link', { name: 'Voir' })).toHaveAttribute('href', '/me/applications');
    expect(await screen.findByRole('link', { name: 'Notifications : 2 non lues' })).toBeInTheDocument();

    await user.click(within(first).getByRole('button', { name: 'Marquer comme lue' }));
    expect(await screen.findByText('1 notification non lue.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Notifications : 1 non lue' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Tout marquer comme lu' }));
    expect(await screen.findByText('0 notification non lue.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Notifications' })).toBeInTheDocument();
  });
});
