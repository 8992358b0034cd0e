import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Session } from '@/api/models';
import { links } from '@/config/paths';
import { formatDateRange } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { applicationsText, sessionPlace, teachingLanguage } from '../utils/session-text';

interface SessionSummaryProps {
  session: Session;
  /** Listed on its programme's page: the programme need not be named again. */
  inProgramme?: boolean;
}

/** One session in a list: what a reader needs to decide whether to open it. */
export function SessionSummary({ session, inProgramme = false }: SessionSummaryProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const titleId = useId();
  // The programme's name adds nothing when the session is simply called after it.
  const programme =
    !inProgramme && session.programme_title && session.programme_title !== session.title
      ? session.programme_title
      : null;
  const kind = session.event_kind
    ? t(`eventKind.${session.event_kind}`)
    : inProgramme
      ? null
      : t(`sessionKind.${session.kind}`);
  return (
    <article className="result" aria-labelledby={titleId}>
      <h3 id={titleId} className="result-title">
        <Link to={links.session(session.id)}>{session.title}</Link>
      </h3>
      <p className="result-kind">
        {[kind, programme, t(`deliveryMode.${session.delivery_mode}`)].filter(Boolean).join(' · ')}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('session.dates')}</dt>
          <dd>{formatDateRange(session.starts_at, session.ends_at, language, session.timezone)}</dd>
        </div>
        <div>
          <dt>{t('session.place')}</dt>
          <dd>{sessionPlace(session, language, t)}</dd>
        </div>
        <div>
          <dt>{t('session.language')}</dt>
          <dd>{teachingLanguage(session.language, language, t)}</dd>
        </div>
        <div>
          <dt>{t('session.seatsLabel')}</dt>
          <dd>{t('session.seats', { count: session.capacity })}</dd>
        </div>
        <div>
          <dt>{t('session.applications')}</dt>
          <dd>
            <span className={session.applications_open ? 'badge badge-open' : undefined}>
              {applicationsText(session, language, t)}
            </span>
          </dd>
        </div>
      </dl>
    </article>
  );
}

export function SessionList({
  sessions,
  inProgramme,
}: {
  sessions: Session[];
  inProgramme?: boolean;
}) {
  return (
    <ol className="results">
      {sessions.map((session) => (
        <li key={session.id}>
          <SessionSummary session={session} inProgramme={inProgramme} />
        </li>
      ))}
    </ol>
  );
}
