import { http, HttpResponse } from 'msw';
import type {
  Certificate,
  CertificateVerification,
  EnrollmentApplicationDetail,
  EnrollmentSession,
  RosterEntry,
} from '@/api/models';
import { problem, testUser } from './handlers';

// Enrollment test data shaped by the generated API types (a contract change breaks the tests' build).

export const ENROLLMENT_SESSION_ID = '5d1e7a2c-8f0b-4c3e-9a1d-2b6f0c4e8a10';

export function makeEnrollmentSession(overrides: Partial<EnrollmentSession> = {}): EnrollmentSession {
  return {
    id: ENROLLMENT_SESSION_ID,
    title: 'Finances locales — Dakar 2027',
    title_variants: {},
    programme_id: 'bb10bcf5-a0f3-4e0e-8f7a-3b02b7d62b9f',
    programme_title: 'Collège ALGA : Finances locales',
    status: 'open',
    language: 'fr',
    delivery_mode: 'in_person',
    starts_at: '2027-02-01T08:00:00Z',
    ends_at: '2027-02-05T17:00:00Z',
    timezone: 'Africa/Dakar',
    venue: {},
    capacity: 30,
    seats_taken: 3,
    seats_available: 27,
    waitlist_length: 0,
    applications_open: true,
    applications_open_at: null,
    applications_close_at: '2027-01-15T23:59:00Z',
    admission_mode: 'review',
    requires_endorsement: false,
    confirmation_days: 7,
    completion_rule: 'attendance',
    completion_threshold: 80,
    country_quotas: {},
    questions: [],
    days: [],
    revision: 1,
    synced_at: '2026-11-29T10:00:00Z',
    ...overrides,
  };
}

export function makeApplication(
  overrides: Partial<EnrollmentApplicationDetail> = {},
): EnrollmentApplicationDetail {
  return {
    id: 'a7c3e9d1-2b4f-4e6a-8c0d-1f3b5d7e9a21',
    session_id: ENROLLMENT_SESSION_ID,
    session: {
      id: ENROLLMENT_SESSION_ID,
      title: 'Finances locales — Dakar 2027',
      status: 'open',
      starts_at: '2027-02-01T08:00:00Z',
      ends_at: '2027-02-05T17:00:00Z',
      language: 'fr',
      delivery_mode: 'in_person',
    },
    learner_id: testUser.id,
    learner: null,
    status: 'submitted',
    motivation: 'Améliorer la collecte des recettes locales.',
    position: testUser.position,
    organisation_id: null,
    organisation_name: null,
    country: 'SN',
    answers: {},
    language: 'fr',
    source: 'learner',
    waitlist_position: null,
    offer_expires_at: null,
    submitted_at: '2026-11-29T10:00:00Z',
    decided_at: null,
    confirmed_at: null,
    completed_at: null,
    created_at: '2026-11-29T10:00:00Z',
    updated_at: '2026-11-29T10:00:00Z',
    endorsement: null,
    certificate_code: null,
    allowed_actions: ['withdraw'],
    timeline: [
      {
        action: 'submit',
        from_status: null,
        to_status: 'submitted',
        by: testUser.id,
        by_role: 'learner',
        message: null,
        at: '2026-11-29T10:00:00Z',
      },
    ],
    attachments: [],
    placement: null,
    ...overrides,
  };
}

export function makeCertificate(overrides: Partial<Certificate> = {}): Certificate {
  return {
    code: 'ALGA-2027-7KQ4-M2XD',
    application_id: 'a7c3e9d1-2b4f-4e6a-8c0d-1f3b5d7e9a21',
    learner_id: testUser.id,
    session_id: ENROLLMENT_SESSION_ID,
    holder: testUser.full_name,
    programme: 'Collège ALGA : Finances locales',
    session: 'Finances locales — Dakar 2027',
    completed_on: '2027-02-05',
    status: 'valid',
    issued_at: '2027-02-06T10:00:00Z',
    revoked_at: null,
    revocation_reason: null,
    verification_url: 'http://127.0.0.1:8000/verify/ALGA-2027-7KQ4-M2XD',
    pdf_url: '/certificates/ALGA-2027-7KQ4-M2XD/pdf',
    session_starts_at: '2027-02-01T08:00:00Z',
    ...overrides,
  };
}

/** A participant on a session's roster: a confirmed seat, no day attended yet (of two). */
export function makeRosterEntry(
  application_id: string,
  full_name: string,
  overrides: Partial<RosterEntry> = {},
): RosterEntry {
  return {
    application_id,
    status: 'confirmed',
    learner_id: `l-${application_id}`,
    full_name,
    email: null,
    country: 'SN',
    organisation_id: null,
    organisation_name: 'Ville de Dakar',
    position: null,
    gender: null,
    confirmed_at: '2026-12-01T10:00:00Z',
    days_present: 0,
    days_total: 2,
    attendance_percent: 0,
    certificate_code: null,
    ...overrides,
  };
}

export function verificationOf(certificate: Certificate): CertificateVerification {
  return {
    code: certificate.code,
    holder: certificate.holder,
    programme: certificate.programme,
    session: certificate.session,
    date: certificate.completed_on,
    status: certificate.status === 'revoked' ? 'revoked' : 'valid',
  };
}

// Defaults: an open session without questions, no applications, no certificates.
export const enrollmentHandlers = [
  http.get('/api/enrollment/sessions/:id', ({ params }) =>
    HttpResponse.json(makeEnrollmentSession({ id: String(params.id) })),
  ),
  http.get('/api/enrollment/applications', () =>
    HttpResponse.json({ items: [], total: 0, limit: 100, offset: 0, facets: {} }),
  ),
  http.get('/api/enrollment/certificates', () =>
    HttpResponse.json({ items: [], total: 0, limit: 100, offset: 0 }),
  ),
  http.get('/api/enrollment/certificates/:code', () => problem(404, 'No such certificate')),
];
