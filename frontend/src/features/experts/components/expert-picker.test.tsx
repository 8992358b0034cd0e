import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { SessionInput, SessionUpdate, User } from '@/api/models';
import { college, makeSession, sessionDetail } from '@/testing/mocks/catalogue';
import { experts } from '@/testing/mocks/experts';
import { problem, testUser } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

const coordinator: User = { ...testUser, email: 'coordinator@example.org', roles: ['coordinator'] };
const [aissatou, kwame] = experts;
// The manage pages are lazy chunks: the first render waits for one (slow on a loaded machine).
const PAGE = { timeout: 10_000 };

describe("choosing a session's trainers from the experts directory", () => {
  beforeEach(() => {
    server.use(http.get('/api/identity/users/me', () => HttpResponse.json(coordinator)));
  });

  it('finds experts by name, sends their ids, and shows a refusal next to the expert', async () => {
    let sent: SessionInput | undefined;
    server.use(
      http.post('/api/catalogue/sessions', async ({ request }) => {
        sent = (await request.json()) as SessionInput;
        return problem(422, 'Some fields are not valid: trainer_ids.0', [
          {
            field: 'trainer_ids.0',
            message: "This expert's application has not been verified yet.",
            code: 'expert_pending',
          },
        ]);
      }),
    );
    const { user, location } = renderApp(`/manage/sessions/new?programme=${college.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Nouvelle session' }, PAGE);
    const trainers = screen.getByRole('group', { name: 'Formateurs et intervenants' });
    expect(within(trainers).getByText("Personne n'est encore choisi.")).toBeInTheDocument();

    // Enter searches at once; it does not submit the session form.
    const search = within(trainers).getByLabelText('Chercher un expert par son nom');
    await user.type(search, 'kwa{Enter}');
    await user.click(
      await within(trainers).findByRole('button', { name: 'Ajouter Kwame Mensah' }),
    );
    expect(location.current?.pathname).toBe('/manage/sessions/new');
    const chosen = within(trainers).getByRole('list', { name: 'Experts choisis' });
    expect(within(chosen).getByText('Kwame Mensah')).toBeInTheDocument();
    // Someone already chosen is not offered again.
    expect(within(trainers).queryByRole('button', { name: 'Ajouter Kwame Mensah' })).toBeNull();
    expect(
      await within(trainers).findByText("Aucun expert de l'annuaire ne correspond."),
    ).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Début'), { target: { value: '2027-03-10T09:00' } });
    fireEvent.change(screen.getByLabelText('Fin'), { target: { value: '2027-03-11T17:00' } });
    await user.type(screen.getByLabelText('Ville'), 'Dakar');
    await user.type(screen.getByLabelText('Pays'), 'SN');
    await user.type(screen.getByLabelText('Nombre de places'), '25');
    await user.click(screen.getByRole('button', { name: 'Créer la session' }));

    // The API's code, said in the reader's language, next to the expert it is about.
    expect(
      await within(chosen).findByText(
        "La candidature de cet expert n'est pas encore vérifiée : vérifiez-la d'abord.",
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('alert')[0]).toHaveTextContent(
      'Veuillez corriger les champs signalés.',
    );
    expect(sent?.trainer_ids).toEqual([kwame.id]);
  });

  it('names the trainers a session has, and sends the list as edited', async () => {
    const stranger = '0f0f0f0f-0000-4000-8000-00000000beef';
    const session = sessionDetail(
      makeSession({ id: 'with-trainers', trainer_ids: [aissatou.id, stranger] }),
    );
    let sent: SessionUpdate | undefined;
    server.use(
      http.get('/api/catalogue/sessions/with-trainers', () => HttpResponse.json(session)),
      http.patch('/api/catalogue/sessions/with-trainers', async ({ request }) => {
        sent = (await request.json()) as SessionUpdate;
        return HttpResponse.json({ ...session, trainer_ids: sent.trainer_ids ?? [] });
      }),
    );
    const { user } = renderApp('/manage/sessions/with-trainers');
    const trainers = await screen.findByRole(
      'group',
      { name: 'Formateurs et intervenants' },
      PAGE,
    );
    const chosen = within(trainers).getByRole('list', { name: 'Experts choisis' });
    expect(await within(chosen).findByText('Dr Aïssatou Diallo')).toBeInTheDocument();
    // An id the public directory does not show (not listed, or gone) is kept, as its id.
    expect(await within(chosen).findByText(/absent de l'annuaire public/)).toBeInTheDocument();
    expect(within(chosen).getByText(stranger)).toBeInTheDocument();

    await user.click(within(chosen).getByRole('button', { name: `Retirer ${stranger}` }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Les modifications ont été enregistrées.')).toBeInTheDocument();
    expect(sent?.trainer_ids).toEqual([aissatou.id]);
  });
});
