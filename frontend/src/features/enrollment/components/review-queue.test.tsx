import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { BulkTransition, EnrollmentApplication, User } from '@/api/models';
import { makeApplication } from '@/testing/mocks/enrollment';
import { testUser } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

const coordinator: User = { ...testUser, roles: ['coordinator'] };

function application(id: string, full_name: string, country: string): EnrollmentApplication {
  const { timeline: _t, attachments: _a, placement: _p, ...rest } = makeApplication({
    id,
    country,
    status: 'under_review',
    allowed_actions: ['accept', 'waitlist', 'reject', 'withdraw'],
    learner: { user_id: id, full_name, email: null, country, organisation_id: null, position: null, gender: null },
  });
  return rest;
}

describe('the review queue', () => {
  it('filters by status in the address and decides in bulk with a message', async () => {
    let items = [application('a1', 'Awa Diallo', 'SN'), application('a2', 'Kofi Mensah', 'GH')];
    const queries: string[] = [];
    const decisions: BulkTransition[] = [];
    server.use(
      http.get('/api/identity/users/me', () => HttpResponse.json(coordinator)),
      http.get('/api/enrollment/applications', ({ request }) => {
        queries.push(new URL(request.url).search);
        return HttpResponse.json({
          items,
          total: items.length,
          limit: 50,
          offset: 0,
          facets: { status: { under_review: 2 }, country: { SN: 1, GH: 1 } },
        });
      }),
      http.post('/api/enrollment/applications/bulk-transitions', async ({ request }) => {
        const body = (await request.json()) as BulkTransition;
        decisions.push(body);
        items = items.map((a) =>
          body.application_ids.includes(a.id) ? { ...a, status: 'accepted', allowed_actions: ['withdraw'] } : a,
        );
        return HttpResponse.json({ items: [] });
      }),
    );
    const { user, location } = renderApp('/manage/applications');

    const table = await screen.findByRole('table', { name: 'Candidatures à examiner' });
    await user.selectOptions(screen.getByLabelText('Statut'), 'under_review');
    await user.click(screen.getByRole('button', { name: 'Filtrer' }));
    expect(location.current?.search).toBe('?status=under_review');

    await user.click(within(table).getByRole('checkbox', { name: 'Choisir Awa Diallo' }));
    await user.click(within(table).getByRole('checkbox', { name: 'Choisir Kofi Mensah' }));
    await user.type(screen.getByLabelText('Message aux candidat·e·s (facultatif)'), 'Bienvenue.');
    await user.click(screen.getByRole('button', { name: 'Accepter la sélection' }));

    expect(await screen.findByText('2 candidatures mises à jour.')).toBeInTheDocument();
    expect(decisions).toEqual([{ action: 'accept', application_ids: ['a1', 'a2'], message: 'Bienvenue.' }]);
    expect(queries.some((q) => q.includes('status=under_review'))).toBe(true);
    expect(await within(table).findAllByText('Acceptée')).toHaveLength(2);
  });
});
