import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { ProgrammeStatus, SessionStatus } from '@/api/models';
import { Loading } from '@/components/ui/loading';
import { links, paths } from '@/config/paths';
import { formatDateRange } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useProgrammes } from '../api/get-programmes';
import { useSessions } from '../api/get-sessions';
import { isOneOf, PROGRAMME_STATUSES, SESSION_STATUSES } from '../utils/vocabulary';
import '@/locales/manage';

const PAGE_SIZE = 50;

/** A status filter held in the address (`?<name>=draft`), so a filtered list can be reloaded. */
function useStatusFilter<T extends string>(name: string, statuses: readonly T[]) {
  const [params, setParams] = useSearchParams();
  const value = params.get(name) ?? '';
  const chosen = isOneOf(statuses, value) ? value : '';
  const set = (next: string) => {
    const updated = new URLSearchParams(params);
    if (next) updated.set(name, next);
    else updated.delete(name);
    updated.delete('page');
    setParams(updated);
  };
  return [chosen, set] as const;
}

function StatusSelect<T extends string>({
  value,
  statuses,
  label,
  onChange,
}: {
  value: string;
  statuses: readonly T[];
  label: (status: T) => string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <p className="inline-field">
      <label htmlFor={id}>{t('manage.statusFilter')}</label>{' '}
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('manage.allStatuses')}</option>
        {statuses.map((status) => (
          <option key={status} value={status}>
            {label(status)}
          </option>
        ))}
      </select>
    </p>
  );
}

/** Every programme, drafts included, by status. */
export function ManageProgrammes() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const [status, setStatus] = useStatusFilter<ProgrammeStatus>(
    'programme_status',
    PROGRAMME_STATUSES,
  );
  const programmes = useProgrammes(
    { status: status ? [status] : [...PROGRAMME_STATUSES], limit: 100 },
    language,
  );
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('manage.programmes')}</h2>
      <p>
        <Link className="button button-secondary" to={paths.manageNewProgramme}>
          {t('manage.newProgramme')}
        </Link>
      </p>
      <StatusSelect
        value={status}
        statuses={PROGRAMME_STATUSES}
        label={(s) => t(`programmeStatus.${s}`)}
        onChange={setStatus}
      />
      {programmes.isPending && <Loading />}
      {programmes.data && programmes.data.items.length === 0 && <p>{t('manage.none')}</p>}
      {programmes.data && programmes.data.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('manage.columns.title')}</th>
              <th scope="col">{t('manage.columns.kind')}</th>
              <th scope="col">{t('manage.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {programmes.data.items.map((programme) => (
              <tr key={programme.id}>
                <td>
                  <Link to={links.manageProgramme(programme.id)}>{programme.title}</Link>
                </td>
                <td>{t(`programmeKind.${programme.kind}`)}</td>
                <td>{t(`programmeStatus.${programme.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Every session, drafts included, by status, earliest first. */
export function ManageSessions() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const [status, setStatus] = useStatusFilter<SessionStatus>('session_status', SESSION_STATUSES);
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const sessions = useSessions(
    {
      status: status ? [status] : [...SESSION_STATUSES],
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    },
    language,
  );
  const pages = sessions.data ? Math.max(1, Math.ceil(sessions.data.total / PAGE_SIZE)) : 1;
  const goTo = (next: number) => {
    const updated = new URLSearchParams(params);
    updated.set('page', String(next));
    setParams(updated);
  };
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('manage.sessions')}</h2>
      <p>
        <Link className="button button-secondary" to={paths.manageNewSession}>
          {t('manage.newSession')}
        </Link>
      </p>
      <StatusSelect
        value={status}
        statuses={SESSION_STATUSES}
        label={(s) => t(`sessionStatus.${s}`)}
        onChange={setStatus}
      />
      {sessions.isPending && <Loading />}
      {sessions.data && sessions.data.items.length === 0 && <p>{t('manage.none')}</p>}
      {sessions.data && sessions.data.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('manage.columns.title')}</th>
              <th scope="col">{t('manage.columns.dates')}</th>
              <th scope="col">{t('manage.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.items.map((session) => (
              <tr key={session.id}>
                <td>
                  <Link to={links.manageSession(session.id)}>{session.title}</Link>
                </td>
                <td>
                  {formatDateRange(session.starts_at, session.ends_at, language, session.timezone)}
                </td>
                <td>{t(`sessionStatus.${session.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav aria-label={t('catalogue.pagination.label')} className="pagination">
          {page > 1 && (
            <button type="button" className="button button-link" onClick={() => goTo(page - 1)}>
              {t('catalogue.pagination.previous')}
            </button>
          )}
          <span>{t('catalogue.pagination.page', { page, pages })}</span>
          {page < pages && (
            <button type="button" className="button button-link" onClick={() => goTo(page + 1)}>
              {t('catalogue.pagination.next')}
            </button>
          )}
        </nav>
      )}
    </section>
  );
}
