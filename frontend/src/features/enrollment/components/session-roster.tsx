import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Loading } from '@/components/ui/loading';
import { links } from '@/config/paths';
import { countryName, formatDateRange } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useAttendance } from '../api/attendance';
import { useEnrollmentSession } from '../api/get-enrollment-session';
import { rosterCsvUrl, useRoster } from '../api/get-roster';
import { ApplicationStatus } from './application-status';
import { AttendanceSection } from './attendance-section';
import { BulkEnrolment } from './bulk-enrolment';
import { CertificateCell, CompletionPanel, RowActions, nameOf } from './completion-panel';
import { PLACEMENT_MODES, Placements } from './placement-form';

/**
 * Staff: the session's roster and everything done with it: attendance day by day (QR code or by
 * hand), completion and certificates, internships' placements, and enrolment from a CSV file.
 */
export function SessionRoster({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const roster = useRoster(sessionId);
  const attendance = useAttendance(sessionId);
  const session = useEnrollmentSession(sessionId, language);
  if (roster.isPending || attendance.isPending || session.isPending) return <Loading />;
  if (roster.isError || attendance.isError || session.isError) return <p role="alert">{t('errors.network')}</p>;
  const { items, capacity, seats_taken } = roster.data;
  const run = session.data;
  const seated = items.filter((entry) => ['confirmed', 'completed', 'no_show'].includes(entry.status));
  return (
    <>
      <p className="lead">
        <Link to={links.session(sessionId)}>{run.title ?? run.programme_title ?? sessionId}</Link>
        {run.starts_at && run.ends_at && (
          <> · {formatDateRange(run.starts_at, run.ends_at, language, run.timezone ?? undefined)}</>
        )}
      </p>
      <p>
        {t('manage.roster.seats', { taken: seats_taken, capacity })} ·{' '}
        <a href={rosterCsvUrl(sessionId)} download>
          {t('manage.roster.csv')}
        </a>
      </p>
      {items.length === 0 ? (
        <p>{t('manage.roster.empty')}</p>
      ) : (
        <table className="table" aria-label={t('manage.roster.title')}>
          <thead>
            <tr>
              <th scope="col">{t('manage.roster.name')}</th>
              <th scope="col">{t('manage.roster.organisation')}</th>
              <th scope="col">{t('manage.applications.status')}</th>
              <th scope="col">{t('manage.roster.attendance')}</th>
              <th scope="col">{t('enrol.roster.certificate')}</th>
              <th scope="col">{t('enrol.roster.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.application_id}>
                <td>
                  {nameOf(entry)}
                  {entry.country && <> · {countryName(entry.country, language)}</>}
                </td>
                <td>{entry.organisation_name ?? ''}</td>
                <td>
                  <ApplicationStatus status={entry.status} />
                </td>
                <td>
                  {entry.days_present}/{entry.days_total}
                  {entry.attendance_percent != null && <> ({Math.round(entry.attendance_percent)} %)</>}
                </td>
                <td>
                  <CertificateCell entry={entry} />
                </td>
                <td className="actions">
                  <RowActions entry={entry} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {attendance.data.days.length > 0 && seated.length > 0 && (
        <AttendanceSection sessionId={sessionId} entries={items} sheet={attendance.data} timeZone={run.timezone} />
      )}
      {seated.length > 0 && <CompletionPanel session={run} />}
      {run.delivery_mode && PLACEMENT_MODES.includes(run.delivery_mode) && seated.length > 0 && (
        <Placements entries={seated} />
      )}
      <BulkEnrolment sessionId={sessionId} />
    </>
  );
}
