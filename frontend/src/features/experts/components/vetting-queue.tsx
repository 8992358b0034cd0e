import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { ExpertProfileStatus } from '@/api/models';
import { StatusMessage } from '@/components/ui/form';
import { currentLanguage } from '@/lib/i18n';
import { useApplications } from '../api/get-applications';
import { useDuplicates } from '../api/get-duplicates';
import { ApplicationCard } from './application-card';
import { DuplicateActions } from './duplicate-actions';
import '@/locales/staff';

const STATUSES: ExpertProfileStatus[] = ['pending', 'verified', 'rejected', 'archived'];

/** Coordinators: the applications to vet (or profiles of another status), and the duplicates to review. */
export function VettingQueue() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const ids = { queue: useId(), status: useId(), duplicates: useId() };
  // The dashboard links here with `?status=pending`; another status in the address is kept too.
  const [params] = useSearchParams();
  const asked = params.get('status');
  const [status, setStatus] = useState<ExpertProfileStatus>(
    STATUSES.find((s) => s === asked) ?? 'pending',
  );
  const [done, setDone] = useState<string | null>(null);
  const applications = useApplications({ status: [status], limit: 50 }, language);
  const duplicates = useDuplicates();

  return (
    <div className="stack">
      <StatusMessage>{done}</StatusMessage>
      <section
        className="card"
        aria-labelledby={ids.queue}
        aria-busy={applications.isFetching || undefined}
      >
        <h2 id={ids.queue}>{t('staff.experts.queue')}</h2>
        <p className="inline-field">
          <label htmlFor={ids.status}>{t('staff.experts.statusFilter')}</label>
          <select
            id={ids.status}
            value={status}
            onChange={(event) => setStatus(event.target.value as ExpertProfileStatus)}
          >
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`experts.status.${value}`)}
              </option>
            ))}
          </select>
        </p>
        <p role="status" className="results-count">
          {applications.data
            ? t('staff.experts.count', { count: applications.data.total })
            : applications.isPending
              ? t('app.loading')
              : null}
        </p>
        {applications.isError && (
          <p role="alert" className="alert alert-error">
            {t('staff.loadError')}
          </p>
        )}
        <ul className="results">
          {applications.data?.items.map((profile) => (
            <li key={profile.id}>
              <ApplicationCard profile={profile} onDone={setDone} />
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby={ids.duplicates}>
        <h2 id={ids.duplicates}>{t('staff.experts.duplicates')}</h2>
        {duplicates.isError && (
          <p role="alert" className="alert alert-error">
            {t('staff.loadError')}
          </p>
        )}
        {duplicates.data?.items.length === 0 && <p>{t('staff.experts.noDuplicates')}</p>}
        <ul className="results">
          {duplicates.data?.items.map((pair) => (
            <li key={pair.id} className="result">
              <p>
                {t('staff.experts.pair', {
                  first: `${pair.profile.full_name} (${t(`experts.status.${pair.profile.status}`)})`,
                  second: `${pair.other.full_name} (${t(`experts.status.${pair.other.status}`)})`,
                })}
              </p>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('experts.form.fullName')}</th>
                    <th scope="col">{t('experts.form.email')}</th>
                    <th scope="col">ORCID iD</th>
                    <th scope="col">{t('experts.fields.country')}</th>
                    <th scope="col">{t('experts.form.organisation')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[pair.profile, pair.other].map((brief) => (
                    <tr key={brief.id}>
                      <td>{brief.full_name}</td>
                      <td>{brief.email ?? '—'}</td>
                      <td>{brief.orcid ?? '—'}</td>
                      <td>{brief.country}</td>
                      <td>{brief.organisation ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p>
                {t('staff.experts.reasons', {
                  reasons: pair.reasons.map((r) => t(`staff.experts.reason.${r}`)).join(', '),
                })}
              </p>
              <DuplicateActions
                candidateId={pair.id}
                parties={[
                  { id: pair.other.id, name: pair.other.full_name },
                  { id: pair.profile.id, name: pair.profile.full_name },
                ]}
                onDone={setDone}
              />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
