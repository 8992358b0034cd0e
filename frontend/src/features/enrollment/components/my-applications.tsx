import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { ApplicationAction, EnrollmentApplication } from '@/api/models';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form';
import { Loading } from '@/components/ui/loading';
import { links } from '@/config/paths';
import { formErrors } from '@/lib/form-errors';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useApplication } from '../api/get-application';
import { useMyApplications } from '../api/get-applications';
import { useTransitionApplication } from '../api/transition-application';
import { ApplicationStatus, useStatusLabel } from './application-status';
import { AttendancePass } from './attendance-pass';
import { EndorserPanel } from './endorser-panel';

// The moves a learner makes from here; the service says which ones the status allows.
const LEARNER_ACTIONS = ['confirm', 'submit', 'withdraw'] as const satisfies readonly ApplicationAction[];

export function MyApplications() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const applications = useMyApplications(language);
  const { hash } = useLocation();
  const loaded = applications.isSuccess;
  // A notification's link (`/applications/{id}`) lands here with the card's anchor.
  useEffect(() => {
    if (loaded && hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView?.();
  }, [loaded, hash]);
  if (applications.isPending) return <Loading />;
  if (applications.isError) return <p role="alert">{t('errors.network')}</p>;
  if (applications.data.items.length === 0) {
    return <p>{t('mySpace.noApplications')}</p>;
  }
  return (
    <ul className="plain cards-list">
      {applications.data.items.map((application) => (
        <li key={application.id}>
          <ApplicationCard application={application} />
        </li>
      ))}
    </ul>
  );
}

function ApplicationCard({ application }: { application: EnrollmentApplication }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = `application-${application.id}`;
  const offered = application.allowed_actions.includes('confirm') && application.offer_expires_at;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={links.session(application.session_id)}>
          {application.session.title ?? t('session.title')}
        </Link>
      </h3>
      <p>
        {t('mySpace.status')} <ApplicationStatus status={application.status} />
        {application.waitlist_position != null && (
          <> {t('mySpace.waitlistPosition', { position: application.waitlist_position })}</>
        )}
      </p>
      {offered && (
        <p className="alert alert-success">
          {t('mySpace.confirmBefore', {
            deadline: formatDateTime(application.offer_expires_at!, language),
          })}
        </p>
      )}
      <EndorserPanel application={application} />
      <ApplicationActions application={application} />
      {application.status === 'confirmed' && <AttendancePass applicationId={application.id} />}
      <Timeline applicationId={application.id} />
    </article>
  );
}

function ApplicationActions({ application }: { application: EnrollmentApplication }) {
  const { t } = useTranslation();
  const transition = useTransitionApplication(application.id);
  const [confirmingWithdrawal, setConfirmingWithdrawal] = useState(false);
  const errors = formErrors(transition.error, t, { fields: [] });
  const allowed = LEARNER_ACTIONS.filter((action) => application.allowed_actions.includes(action));
  if (allowed.length === 0) return null;
  const run = (action: ApplicationAction) =>
    transition.mutate({ action }, { onSettled: () => setConfirmingWithdrawal(false) });
  return (
    <div>
      <FormAlert messages={errors.general} />
      <p className="actions">
        {allowed.includes('confirm') && (
          <Button busy={transition.isPending} onClick={() => run('confirm')}>
            {t('mySpace.confirm')}
          </Button>
        )}
        {allowed.includes('submit') && (
          <Button busy={transition.isPending} onClick={() => run('submit')}>
            {t('mySpace.submit')}
          </Button>
        )}
        {allowed.includes('withdraw') &&
          (confirmingWithdrawal ? (
            <>
              <Button variant="secondary" busy={transition.isPending} onClick={() => run('withdraw')}>
                {t('mySpace.withdrawSure')}
              </Button>
              <Button variant="link" onClick={() => setConfirmingWithdrawal(false)}>
                {t('mySpace.keep')}
              </Button>
            </>
          ) : (
            <Button variant="secondary" onClick={() => setConfirmingWithdrawal(true)}>
              {t('mySpace.withdraw')}
            </Button>
          ))}
      </p>
    </div>
  );
}

function Timeline({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const statusLabel = useStatusLabel();
  const detail = useApplication(applicationId, language);
  if (detail.isPending) return null;
  if (detail.isError) return <p role="alert">{t('mySpace.timelineFailed')}</p>;
  return (
    <details open>
      <summary>{t('mySpace.timeline')}</summary>
      <ol className="timeline">
        {detail.data.timeline.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time> —{' '}
            {statusLabel(entry.to_status)}
            {entry.message && <q className="timeline-message">{entry.message}</q>}
          </li>
        ))}
      </ol>
    </details>
  );
}
