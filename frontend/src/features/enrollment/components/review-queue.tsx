import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { ApplicationQueueQuery, BulkTransition, EnrollmentApplication } from '@/api/models';
import { Button } from '@/components/ui/button';
import { Field, FormAlert, StatusMessage } from '@/components/ui/form';
import { Loading } from '@/components/ui/loading';
import { links } from '@/config/paths';
import { formErrors } from '@/lib/form-errors';
import { countryName, formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useBulkTransition } from '../api/bulk-transition';
import { QUEUE_PAGE_SIZE, useReviewQueue } from '../api/get-review-queue';
import { ApplicationStatus, useStatusLabel } from './application-status';

const DECISIONS = ['accept', 'waitlist', 'reject'] as const satisfies readonly BulkTransition['action'][];
type Decision = (typeof DECISIONS)[number];
type QueueStatus = NonNullable<ApplicationQueueQuery['status']>[number];

/** The coordinators' review queue: filters in the address (shareable), decisions one by one or in bulk. */
export function ReviewQueue() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const statusLabel = useStatusLabel();
  const [params, setParams] = useSearchParams();
  // `status` may repeat (the dashboard's "to review" link names the three pending statuses).
  const statuses = params.getAll('status').flatMap((s) => s.split(',')).filter(Boolean) as QueueStatus[];
  const query: ApplicationQueueQuery = {
    session_id: params.get('session') || undefined,
    status: statuses.length ? statuses : undefined,
    country: params.get('country') || undefined,
    limit: QUEUE_PAGE_SIZE,
    lang: language,
  };
  const queue = useReviewQueue(query);
  const decide = useBulkTransition();
  const [selected, setSelected] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const errors = formErrors(decide.error, t, { fields: ['message'] });

  function filter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ['session', 'status', 'country']) {
      const value = String(data.get(name) ?? '').trim();
      for (const one of value.split(',')) if (one) next.append(name, one);
    }
    setSelected([]);
    setParams(next);
  }

  function run(action: Decision, ids: string[]) {
    if (ids.length === 0) return;
    setDone(null);
    decide.mutate(
      { action, application_ids: ids, message: message.trim() || null },
      {
        onSuccess: () => {
          setSelected([]);
          setDone(t('manage.applications.done', { count: ids.length }));
        },
      },
    );
  }

  const items = queue.data?.items ?? [];
  const facets = queue.data?.facets ?? {};
  const toggle = (id: string) =>
    setSelected((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]));

  return (
    <>
      <form className="form filters" onSubmit={filter} role="search" aria-label={t('manage.applications.filters')}>
        <Field name="session" label={t('manage.applications.session')}>
          {(props) => <input {...props} type="text" defaultValue={query.session_id ?? ''} />}
        </Field>
        <Field name="status" label={t('manage.applications.status')}>
          {(props) => (
            <select {...props} key={Object.keys(facets.status ?? {}).join()} defaultValue={statuses.join(',')}>
              <option value="">{t('manage.applications.all')}</option>
              {statuses.length > 1 && <option value={statuses.join(',')}>{statuses.map(statusLabel).join(' + ')}</option>}
              {Object.entries(facets.status ?? {}).map(([value, count]) => (
                <option key={value} value={value}>
                  {statusLabel(value)} ({count})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="country" label={t('manage.applications.country')}>
          {(props) => (
            // Drawn again when the facets come, so that the country in the address is chosen.
            <select {...props} key={Object.keys(facets.country ?? {}).join()} defaultValue={query.country ?? ''}>
              <option value="">{t('manage.applications.all')}</option>
              {Object.entries(facets.country ?? {}).map(([value, count]) => (
                <option key={value} value={value}>
                  {value === 'unknown' ? value : countryName(value, language)} ({count})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit" variant="secondary">
          {t('manage.applications.apply')}
        </Button>
      </form>

      <div className="card">
        <FormAlert messages={errors.general} />
        <StatusMessage>{done}</StatusMessage>
        <Field name="message" label={t('manage.applications.message')} error={errors.fields.message}>
          {(props) => (
            <textarea {...props} rows={2} maxLength={2000} value={message} onChange={(e) => setMessage(e.target.value)} />
          )}
        </Field>
        <p className="actions">
          {t('manage.applications.selected', { count: selected.length })}{' '}
          {DECISIONS.map((action) => (
            <Button
              key={action}
              variant="secondary"
              disabled={selected.length === 0}
              busy={decide.isPending}
              onClick={() => run(action, selected)}
            >
              {t(`manage.applications.bulk.${action}`)}
            </Button>
          ))}
        </p>
      </div>

      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <p role="alert">{t('errors.network')}</p>
      ) : items.length === 0 ? (
        <p>{t('manage.applications.none')}</p>
      ) : (
        <>
          <p>{t('manage.applications.total', { count: queue.data.total })}</p>
          <table className="table" aria-label={t('manage.applications.title')}>
            <thead>
              <tr>
                <th scope="col">{t('manage.applications.select')}</th>
                <th scope="col">{t('manage.applications.learner')}</th>
                <th scope="col">{t('manage.applications.session')}</th>
                <th scope="col">{t('manage.applications.status')}</th>
                <th scope="col">{t('manage.applications.decide')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((application) => (
                <QueueRow
                  key={application.id}
                  application={application}
                  checked={selected.includes(application.id)}
                  onToggle={() => toggle(application.id)}
                  onDecide={(action) => run(action, [application.id])}
                  busy={decide.isPending}
                />
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

function QueueRow({
  application,
  checked,
  onToggle,
  onDecide,
  busy,
}: {
  application: EnrollmentApplication;
  checked: boolean;
  onToggle: () => void;
  onDecide: (action: Decision) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const name = application.learner?.full_name ?? application.learner?.email ?? application.learner_id;
  const allowed = DECISIONS.filter((action) => application.allowed_actions.includes(action));
  return (
    <tr>
      <td>
        <input
          type="checkbox"
          checked={checked}
          onChange={onToggle}
          aria-label={t('manage.applications.selectOne', { name })}
        />
      </td>
      <td>
        {name}
        {application.country && <> · {countryName(application.country, language)}</>}
        {application.organisation_name && <> · {application.organisation_name}</>}
        <details>
          <summary>{t('manage.applications.motivation')}</summary>
          <p>{application.motivation}</p>
        </details>
      </td>
      <td>
        <Link to={links.session(application.session_id)}>{application.session.title ?? application.session_id}</Link>
        {' · '}
        <Link to={links.manageRoster(application.session_id)}>{t('manage.roster.link')}</Link>
        {application.submitted_at && <> · {formatDate(application.submitted_at, language)}</>}
      </td>
      <td>
        <ApplicationStatus status={application.status} />
      </td>
      <td className="actions">
        {allowed.map((action) => (
          <Button key={action} variant="link" busy={busy} onClick={() => onDecide(action)}>
            {t(`manage.applications.one.${action}`, { name })}
          </Button>
        ))}
      </td>
    </tr>
  );
}
