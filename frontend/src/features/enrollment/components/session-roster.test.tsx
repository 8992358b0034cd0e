import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { AttendanceDay, AttendanceSheet, User } from '@/api/models';
import { ENROLLMENT_SESSION_ID, makeRosterEntry } from '@/testing/mocks/enrollment';
import { testUser } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

const coordinator: User = { ...testUser, roles: ['coordinator'] };

const entry = makeRosterEntry;

describe('the session roster', () => {
  it('lists the seats and records who was present on a day', async () => {
    let sheet: AttendanceSheet = { session_id: ENROLLMENT_SESSION_ID, days: ['2027-02-01', '2027-02-02'], records: [] };
    const saved: { day: string; body: AttendanceDay }[] = [];
    server.use(
      http.get('/api/identity/users/me', () => HttpResponse.json(coordinator)),
      http.get('/api/enrollment/sessions/:id/roster', () =>
        HttpResponse.json({
          session_id: ENROLLMENT_SESSION_ID,
          capacity: 30,
          seats_taken: 2,
          total: 2,
          items: [entry('a1', 'Awa Diallo'), entry('a2', 'Kofi Mensah')],
        }),
      ),
      http.get('/api/enrollment/sessions/:id/attendance', () => HttpResponse.json(sheet)),
      http.put('/api/enrollment/sessions/:id/attendance/:day', async ({ request, params }) => {
        const body = (await request.json()) as AttendanceDay;
        saved.push({ day: String(params.day), body });
        sheet = {
          ...sheet,
          records: body.records.map((r) => ({ ...r, day: String(params.day), method: 'manual' })),
        };
        return HttpResponse.json(sheet);
      }),
    );
    const { user } = renderApp(`/manage/sessions/${ENROLLMENT_SESSION_ID}/roster`);

    const table = await screen.findByRole('table', { name: 'Liste des participant·e·s' }, { timeout: 5000 });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText(/2 places occupées sur 30/)).toBeInTheDocument();

    const present = screen.getByRole('group', { name: 'Présent·e·s ce jour' });
    await user.click(within(present).getByRole('checkbox', { name: 'Awa Diallo' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la présence' }));

    expect(await screen.findByText('Présence enregistrée.')).toBeInTheDocument();
    expect(saved).toEqual([
      {
        day: '2027-02-01',
        body: {
          records: [
            { application_id: 'a1', present: true },
            { application_id: 'a2', present: false },
          ],
        },
      },
    ]);
  });
});
