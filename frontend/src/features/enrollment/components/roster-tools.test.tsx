import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { vi } from 'vitest';
import type {
  ApplicationTransition,
  AttendanceScan,
  AttendanceSheet,
  ImportJob,
  PlacementInput,
  RosterEntry,
  User,
} from '@/api/models';
import {
  ENROLLMENT_SESSION_ID,
  makeApplication,
  makeEnrollmentSession,
  makeRosterEntry,
} from '@/testing/mocks/enrollment';
import { problem, testUser } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';

const coordinator: User = { ...testUser, roles: ['coordinator'] };
const rosterPath = `/manage/sessions/${ENROLLMENT_SESSION_ID}/roster`;
const DAYS = ['2027-02-01', '2027-02-02'];

const entry = makeRosterEntry;

/** A coordinator on the roster of a two-day seminar with two confirmed participants. */
function roster({
  entries = [entry('a1', 'Awa Diallo'), entry('a2', 'Kofi Mensah')],
  session = makeEnrollmentSession({ days: DAYS, delivery_mode: 'residential_seminar' }),
  onRoster = () => {},
}: {
  entries?: RosterEntry[];
  session?: ReturnType<typeof makeEnrollmentSession>;
  onRoster?: () => void;
} = {}) {
  const sheet: AttendanceSheet = { session_id: ENROLLMENT_SESSION_ID, days: session.days, records: [] };
  server.use(
    http.get('/api/identity/users/me', () => HttpResponse.json(coordinator)),
    http.get('/api/enrollment/sessions/:id', () => HttpResponse.json(session)),
    http.get('/api/enrollment/sessions/:id/roster', () => {
      onRoster();
      return HttpResponse.json({
        session_id: ENROLLMENT_SESSION_ID,
        capacity: 30,
        seats_taken: entries.length,
        total: entries.length,
        items: entries,
      });
    }),
    http.get('/api/enrollment/sessions/:id/attendance', () => HttpResponse.json(sheet)),
  );
  return sheet;
}

describe('attendance by QR code on the roster', () => {
  it('marks someone present from the code typed or pasted in the field (a scanner types it too)', async () => {
    const sheet = roster();
    const scans: AttendanceScan[] = [];
    server.use(
      http.post('/api/enrollment/sessions/:id/attendance/scan', async ({ request }) => {
        const body = (await request.json()) as AttendanceScan;
        scans.push(body);
        if (body.token !== 'Qk7xN2pLm9RtVw4Ys8Za') return problem(404, 'This code belongs to no participant.');
        sheet.records = [{ application_id: 'a1', day: body.day!, present: true, method: 'qr' }];
        return HttpResponse.json({ application_id: 'a1', day: body.day, present: true, method: 'qr', full_name: 'Awa Diallo' });
      }),
    );
    const { user } = renderApp(rosterPath);

    const scanner = await screen.findByRole('form', { name: 'Scanner un QR code' }, { timeout: 5000 });
    // No camera reader in this browser: the field is all there is, and always there.
    expect(within(scanner).queryByRole('button', { name: 'Scanner avec la caméra' })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Jour'), '2027-02-02');
    const field = within(scanner).getByLabelText('Code du QR code');
    await user.type(field, 'pas-un-code{Enter}');
    expect(await within(scanner).findByText("Ce code n'appartient à aucun·e participant·e de cette session.")).toBeInTheDocument();

    await user.clear(field);
    await user.type(field, '  Qk7xN2pLm9RtVw4Ys8Za{Enter}');
    expect(await within(scanner).findByText('Awa Diallo est marqué·e présent·e le 2 février 2027.')).toBeInTheDocument();
    expect(field).toHaveValue('');
    expect(scans).toEqual([
      { token: 'pas-un-code', day: '2027-02-02' },
      { token: 'Qk7xN2pLm9RtVw4Ys8Za', day: '2027-02-02' },
    ]);
    // The day's checkboxes follow: Awa is now ticked.
    const present = screen.getByRole('group', { name: 'Présent·e·s ce jour' });
    await waitFor(() => expect(within(present).getByRole('checkbox', { name: 'Awa Diallo' })).toBeChecked());
    expect(within(present).getByRole('checkbox', { name: 'Kofi Mensah' })).not.toBeChecked();
  });

  it("reads the QR code with the camera where the browser has a barcode reader", async () => {
    roster();
    const scans: AttendanceScan[] = [];
    server.use(
      http.post('/api/enrollment/sessions/:id/attendance/scan', async ({ request }) => {
        const body = (await request.json()) as AttendanceScan;
        scans.push(body);
        return HttpResponse.json({ application_id: 'a2', day: body.day, present: true, method: 'qr', full_name: 'Kofi Mensah' });
      }),
    );
    const stop = vi.fn();
    const getUserMedia = vi.fn().mockResolvedValue({ getTracks: () => [{ stop }] });
    Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia } });
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    class FakeDetector {
      static getSupportedFormats = () => Promise.resolve(['qr_code', 'ean_13']);
      detect = () => Promise.resolve([{ rawValue: 'Zr4TqW8xLp2MnB6vKc1Y' }]);
    }
    vi.stubGlobal('BarcodeDetector', FakeDetector);
    try {
      const { user } = renderApp(rosterPath);

      await user.click(await screen.findByRole('button', { name: 'Scanner avec la caméra' }, { timeout: 5000 }));
      expect(await screen.findByText('Kofi Mensah est marqué·e présent·e le 1 février 2027.')).toBeInTheDocument();
      expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: 'environment' }, audio: false });
      // The same code held in front of the camera counts once.
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(scans).toEqual([{ token: 'Zr4TqW8xLp2MnB6vKc1Y', day: '2027-02-01' }]);

      await user.click(screen.getByRole('button', { name: 'Arrêter la caméra' }));
      expect(stop).toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
      Reflect.deleteProperty(navigator, 'mediaDevices');
    }
  });
});

describe('completion on the roster', () => {
  it('applies the attendance rule, and marks one participant absent', async () => {
    roster();
    const moves: { id: string; body: ApplicationTransition }[] = [];
    server.use(
      http.post('/api/enrollment/sessions/:id/completion', () =>
        HttpResponse.json({
          session_id: ENROLLMENT_SESSION_ID,
          completion_rule: 'attendance',
          completion_threshold: 80,
          completed: ['a1'],
          not_meeting_rule: ['a2'],
        }),
      ),
      http.post('/api/enrollment/applications/:id/transitions', async ({ request, params }) => {
        const body = (await request.json()) as ApplicationTransition;
        moves.push({ id: String(params.id), body });
        return HttpResponse.json(makeApplication({ id: String(params.id), status: 'no_show' }));
      }),
    );
    const { user } = renderApp(rosterPath);

    const panel = await screen.findByRole('region', { name: 'Fin de session et certificats' }, { timeout: 5000 });
    expect(panel).toHaveTextContent('au moins 80 % de présence');
    await user.click(within(panel).getByRole('button', { name: 'Appliquer la règle et délivrer les certificats' }));
    expect(
      await within(panel).findByText(
        "1 participant·e a terminé la session : son certificat est délivré. 1 participant·e n'atteint pas la règle.",
      ),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: "Kofi Mensah ne s'est pas présenté·e" }));
    await waitFor(() => expect(moves).toEqual([{ id: 'a2', body: { action: 'no_show' } }]));
  });

  it('links a participant’s certificate to its public verification page', async () => {
    roster({
      entries: [entry('a1', 'Awa Diallo', { status: 'completed', certificate_code: 'K7QF-9XWM-2PLD-8RTA' })],
    });
    renderApp(rosterPath);

    const link = await screen.findByRole(
      'link',
      { name: 'Certificat K7QF-9XWM-2PLD-8RTA de Awa Diallo : page de vérification' },
      { timeout: 5000 },
    );
    expect(link).toHaveAttribute('href', '/verify/K7QF-9XWM-2PLD-8RTA');
    expect(screen.queryByRole('button', { name: /a terminé la session/ })).not.toBeInTheDocument();
  });
});

describe('internships and study trips on the roster', () => {
  it('records the host, the tutor and the report of a participant', async () => {
    roster({
      session: makeEnrollmentSession({ delivery_mode: 'internship', completion_rule: 'manual', days: [] }),
    });
    const saved: PlacementInput[] = [];
    server.use(
      http.get('/api/enrollment/applications/:id', ({ params }) =>
        HttpResponse.json(makeApplication({ id: String(params.id), status: 'confirmed' })),
      ),
      http.put('/api/enrollment/applications/:id/placement', async ({ request }) => {
        const body = (await request.json()) as PlacementInput;
        saved.push(body);
        return HttpResponse.json({ ...body, updated_at: '2027-03-01T10:00:00Z' });
      }),
    );
    const { user } = renderApp(rosterPath);

    const section = await screen.findByRole('region', { name: "Stages et voyages d'étude" }, { timeout: 5000 });
    expect(screen.getByRole('region', { name: 'Fin de session et certificats' })).toHaveTextContent('au cas par cas');
    expect(screen.queryByRole('region', { name: 'Feuille de présence' })).not.toBeInTheDocument();
    await user.click(within(section).getByText('Awa Diallo'));
    await user.type(await within(section).findByLabelText('Organisation'), 'Ville de Rabat');
    await user.type(within(section).getByLabelText('Ville'), 'Rabat');
    await within(section).findByRole('option', { name: 'Maroc' });
    await user.selectOptions(within(section).getByLabelText('Pays'), 'MA');
    await user.type(within(section).getByLabelText('Nom'), 'Fatima Zahra');
    await user.type(within(section).getByLabelText('Adresse e-mail'), 'fz@rabat.ma');
    await user.type(within(section).getByLabelText('Titre du rapport'), 'La fiscalité locale à Rabat');
    await user.selectOptions(within(section).getByLabelText('Évaluation du rapport'), 'yes');
    await user.click(within(section).getByRole('button', { name: 'Enregistrer' }));

    expect(await within(section).findByText('Enregistré.')).toBeInTheDocument();
    expect(saved).toEqual([
      {
        host_organisation: 'Ville de Rabat',
        host_city: 'Rabat',
        host_country: 'MA',
        tutor_name: 'Fatima Zahra',
        tutor_email: 'fz@rabat.ma',
        report_title: 'La fiscalité locale à Rabat',
        report_summary: null,
        report_attachment_id: null,
        report_accepted: true,
      },
    ]);
  });
});

function job(overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id: 'job-1',
    session_id: ENROLLMENT_SESSION_ID,
    status: 'queued',
    total: 3,
    processed: 0,
    enrolled: 0,
    errors: [],
    message: null,
    created_at: '2027-01-10T10:00:00Z',
    finished_at: null,
    ...overrides,
  };
}

describe('bulk enrolment from a CSV file', () => {
  it('shows the progress, then each row at fault, and that nobody was enrolled', async () => {
    roster();
    const uploads: string[] = [];
    const states = [
      job({ status: 'validating', processed: 1 }),
      job({
        status: 'failed',
        processed: 3,
        message: '2 rows cannot be enrolled; nobody was enrolled.',
        errors: [
          { row: 3, field: 'email', message: 'No learner with this email.' },
          { row: 4, field: 'country', message: 'Not an ISO 3166-1 alpha-2 country code.' },
        ],
        finished_at: '2027-01-10T10:00:02Z',
      }),
    ];
    server.use(
      http.post('/api/enrollment/sessions/:id/imports', async ({ request }) => {
        uploads.push(await ((await request.formData()).get('file') as File).text());
        return HttpResponse.json(job(), { status: 202 });
      }),
      http.get('/api/enrollment/imports/:id', () => HttpResponse.json(states.length > 1 ? states.shift() : states[0])),
    );
    const { user } = renderApp(rosterPath);

    const section = await screen.findByRole('region', { name: 'Inscrire depuis un fichier CSV' }, { timeout: 5000 });
    const csv = 'email,country\nawa@example.org,SN\nnobody@example.org,SN\nkofi@example.org,XX\n';
    await user.upload(within(section).getByLabelText('Fichier CSV'), new File([csv], 'promo.csv', { type: 'text/csv' }));
    await user.click(within(section).getByRole('button', { name: 'Inscrire les personnes du fichier' }));

    expect(await within(section).findByRole('progressbar', { name: 'Lignes vérifiées' })).toHaveAttribute('value', '1');
    expect(within(section).getByText('Vérification des lignes : 1 sur 3…')).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Traitement en cours…' })).toBeDisabled();

    const nobody = await within(section).findByText("Personne n'a été inscrit.", {}, { timeout: 5000 });
    const alert = nobody.closest('[role="alert"]');
    expect(alert).toHaveTextContent('2 lignes sur 3 sont à corriger');
    const rows = within(within(section).getByRole('table', { name: 'Lignes à corriger' })).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'LigneColonneProblème',
      '3emailNo learner with this email.',
      '4countryNot an ISO 3166-1 alpha-2 country code.',
    ]);
    expect(within(section).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(uploads).toEqual([csv]);
  });

  it('says how many were enrolled and refreshes the roster', async () => {
    let rosterLoads = 0;
    roster({ onRoster: () => (rosterLoads += 1) });
    server.use(
      http.post('/api/enrollment/sessions/:id/imports', () => HttpResponse.json(job(), { status: 202 })),
      http.get('/api/enrollment/imports/:id', () =>
        HttpResponse.json(job({ status: 'completed', processed: 3, enrolled: 3, message: '3 learners enrolled.' })),
      ),
    );
    const { user } = renderApp(rosterPath);

    const section = await screen.findByRole('region', { name: 'Inscrire depuis un fichier CSV' }, { timeout: 5000 });
    expect(rosterLoads).toBe(1);
    await user.upload(within(section).getByLabelText('Fichier CSV'), new File(['email\na@b.org\n'], 'p.csv', { type: 'text/csv' }));
    await user.click(within(section).getByRole('button', { name: 'Inscrire les personnes du fichier' }));

    expect(await within(section).findByText('3 personnes inscrites.')).toBeInTheDocument();
    await waitFor(() => expect(rosterLoads).toBe(2));
  });

  it("shows a file the service refuses outright next to the field", async () => {
    roster();
    server.use(
      http.post('/api/enrollment/sessions/:id/imports', () =>
        problem(422, 'Invalid file', [
          { field: 'file', message: 'The CSV needs an `email` or a `user_id` column.', code: 'missing_column' },
        ]),
      ),
    );
    const { user } = renderApp(rosterPath);

    const section = await screen.findByRole('region', { name: 'Inscrire depuis un fichier CSV' }, { timeout: 5000 });
    const input = within(section).getByLabelText('Fichier CSV');
    await user.upload(input, new File(['nom\nAwa\n'], 'p.csv', { type: 'text/csv' }));
    await user.click(within(section).getByRole('button', { name: 'Inscrire les personnes du fichier' }));

    expect(await within(section).findByText('The CSV needs an `email` or a `user_id` column.')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });
});
