import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Loading } from '@/components/ui/loading';
import { links, paths } from '@/config/paths';
import { todayIso } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useProgrammes } from '../api/get-programmes';
import { useSessions } from '../api/get-sessions';
import { SessionList } from './session-summary';

const UPCOMING = 6;

/** The Executive Master and the ALGA Colleges, as the catalogue publishes them. */
export function ProgrammesOverview() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const programmes = useProgrammes({ kind: ['executive_master', 'college'], limit: 100 }, language);
  const items = programmes.data?.items ?? [];
  const masters = items.filter((p) => p.kind === 'executive_master');
  const colleges = items.filter((p) => p.kind === 'college');
  const unavailable = programmes.isError ? (
    <p className="placeholder">{t('home.unavailable')}</p>
  ) : null;

  return (
    <div className="cards">
      <section className="card" aria-labelledby="home-master">
        <h2 id="home-master">{t('home.master.title')}</h2>
        <p>{t('home.master.text')}</p>
        {programmes.isPending && <Loading />}
        {unavailable}
        {masters.map((master) => (
          <p key={master.id}>
            {master.module_count > 0 && (
              <span className="muted">
                {t('home.master.facts', { count: master.module_count })}
                {master.total_hours
                  ? ` · ${t('home.master.hours', { count: master.total_hours })}`
                  : ''}
              </span>
            )}{' '}
            <Link to={links.programme(master.id)}>{t('home.master.link')}</Link>
          </p>
        ))}
      </section>
      <section className="card" aria-labelledby="home-colleges">
        <h2 id="home-colleges">{t('home.colleges.title')}</h2>
        <p>{t('home.colleges.text')}</p>
        {programmes.isPending && <Loading />}
        {unavailable}
        {colleges.length > 0 && (
          <ul className="college-list">
            {colleges.map((college) => (
              <li key={college.id}>
                <Link to={links.programme(college.id)}>{college.theme_title ?? college.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The next sessions, whatever their programme, earliest first. */
export function UpcomingSessions() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const sessions = useSessions({ from: todayIso(), limit: UPCOMING }, language);
  return (
    <section className="upcoming" aria-labelledby="home-upcoming">
      <h2 id="home-upcoming">{t('home.upcoming.title')}</h2>
      {sessions.isPending && <Loading />}
      {sessions.isError && <p className="placeholder">{t('home.unavailable')}</p>}
      {sessions.data && sessions.data.items.length === 0 && <p>{t('home.upcoming.empty')}</p>}
      {sessions.data && sessions.data.items.length > 0 && (
        <SessionList sessions={sessions.data.items} />
      )}
      <p>
        <Link to={paths.catalogue}>{t('home.upcoming.all')}</Link>
      </p>
    </section>
  );
}
