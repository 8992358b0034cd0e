import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Engagement } from '@/api/models';
import { links } from '@/config/paths';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';

/** Sessions taught or spoken at (catalogue events) and publications authored (library events). */
export function EngagementHistory({ engagements }: { engagements: Engagement[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const sessions = engagements.filter((e) => e.kind === 'session');
  const publications = engagements.filter((e) => e.kind === 'publication');
  return (
    <>
      <section aria-labelledby="expert-sessions">
        <h2 id="expert-sessions">{t('experts.profile.sessions')}</h2>
        {sessions.length === 0 ? (
          <p className="muted">{t('experts.profile.noSessions')}</p>
        ) : (
          <ul>
            {sessions.map((session) => (
              <li key={session.id}>
                <Link to={links.session(session.id)}>{session.title}</Link>
                {' — '}
                {t(`experts.role.${session.role === 'speaker' ? 'speaker' : 'trainer'}`)}
                {session.starts_at && `, ${formatDate(session.starts_at, language)}`}
                {session.status === 'cancelled' && ` (${t('experts.profile.cancelled')})`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="expert-publications">
        <h2 id="expert-publications">{t('experts.profile.publications')}</h2>
        {publications.length === 0 ? (
          <p className="muted">{t('experts.profile.noPublications')}</p>
        ) : (
          <ul>
            {publications.map((publication) => (
              <li key={publication.id}>
                <Link to={links.record(publication.id)}>{publication.title}</Link>
                {publication.year && ` (${publication.year})`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
