import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SessionDetail } from '@/api/models';
import { links } from '@/config/paths';
import { formatDateRange, formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { sessionCalendarUrl } from '../utils/calendar';
import { applicationsText, sessionPlace, teachingLanguage } from '../utils/session-text';
import { JsonLd } from './json-ld';

export interface SessionDetailsProps {
  session: SessionDetail;
  /** The trainers and speakers, as the experts feature shows people (the route composes both). */
  trainers?: ReactNode;
}

/** A session's page: when, where, in which language, how many seats, and how to apply. */
export function SessionDetails({ session, trainers }: SessionDetailsProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const zone = session.timezone;
  const venue = session.venue;
  const rows: [string, ReactNode][] = [
    [t('session.dates'), formatDateRange(session.starts_at, session.ends_at, language, zone)],
    [t('session.timezone'), zone],
    [t('session.mode'), t(`deliveryMode.${session.delivery_mode}`)],
    [t('session.place'), sessionPlace(session, language, t)],
  ];
  if (venue?.address) rows.push([t('session.address'), venue.address]);
  rows.push(
    [t('session.language'), teachingLanguage(session.language, language, t)],
    [t('session.seatsLabel'), t('session.seats', { count: session.capacity })],
    [t('session.status'), t(`sessionStatus.${session.status}`)],
  );
  if (session.applications_open_at) {
    rows.push([
      t('session.applicationsOpenAt'),
      formatDateTime(session.applications_open_at, language, zone),
    ]);
  }
  if (session.applications_close_at) {
    rows.push([
      t('session.applicationsCloseAt'),
      formatDateTime(session.applications_close_at, language, zone),
    ]);
  }
  if (session.audiences.length > 0) {
    rows.push([
      t('session.audiences'),
      session.audiences.map((a) => t(`audience.${a}`)).join(', '),
    ]);
  }
  if (trainers && session.trainers.length > 0) rows.push([t('session.trainers'), trainers]);

  return (
    <article className="session">
      <JsonLd data={session.json_ld} />
      <p className="eyebrow">
        {session.event_kind
          ? t(`eventKind.${session.event_kind}`)
          : t(`sessionKind.${session.kind}`)}
        {session.programme_id && session.programme_title && (
          <>
            {' · '}
            <Link to={links.programme(session.programme_id)}>{session.programme_title}</Link>
          </>
        )}
      </p>
      <h1>{session.title}</h1>
      {session.status === 'cancelled' && (
        <p className="alert alert-error">
          {t('session.cancelled')}
          {session.cancellation_reason ? ` ${session.cancellation_reason}` : ''}
        </p>
      )}
      {session.summary && <p className="lead">{session.summary}</p>}

      <section className="card apply-box" aria-labelledby="session-apply">
        <h2 id="session-apply">{t('session.applyTitle')}</h2>
        <p>{applicationsText(session, language, t)}</p>
        <p className="actions">
          {session.applications_open && (
            <Link className="button button-primary" to={links.apply(session.id)}>
              {t('session.apply')}
            </Link>
          )}
          <a className="button button-secondary" href={sessionCalendarUrl(session.id, language)}>
            {t('session.addToCalendar')}
          </a>
        </p>
      </section>

      <section aria-labelledby="session-facts">
        <h2 id="session-facts">{t('session.facts')}</h2>
        <dl className="details">
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}
