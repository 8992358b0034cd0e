import { http, HttpResponse } from 'msw';
import type { AppNotification } from '@/api/models';

export function makeNotification(overrides: Partial<AppNotification> = {}): AppNotification {
  return {
    id: 'c2e4f6a8-0b1d-4f3a-9c5e-7a9b1d3f5e71',
    kind: 'application_accepted',
    subject: 'Votre candidature est acceptée',
    body: 'Bonne nouvelle : votre candidature est acceptée.\n\nConfirmez votre place avant le 6 décembre.',
    language: 'fr',
    path: '/me/applications',
    url: 'http://127.0.0.1:8000/me/applications',
    created_at: '2026-11-29T10:00:00Z',
    read_at: null,
    read: false,
    ...overrides,
  };
}

// Defaults: nothing to read (the header's bell asks for the count once a person is signed in).
export const notificationsHandlers = [
  http.get('/api/notifications/notifications/unread-count', () => HttpResponse.json({ unread: 0 })),
  http.get('/api/notifications/notifications', () =>
    HttpResponse.json({ items: [], total: 0, limit: 20, offset: 0, unread: 0 }),
  ),
];
