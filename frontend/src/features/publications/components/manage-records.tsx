import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { RecordStatus } from '@/api/models';
import { Pagination } from '@/components/ui/pagination';
import { links, paths } from '@/config/paths';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useRecords } from '../api/get-records';
import { isOneOf, RECORD_STATUSES } from '../utils/vocabulary';
import '@/locales/staff';

const PAGE_SIZE = 50;

/** Coordinators: every record, drafts and withdrawn ones included, newest first. */
export function ManageRecords() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const ids = { heading: useId(), status: useId() };
  const [params, setParams] = useSearchParams();
  const chosen = params.get('status');
  const status: RecordStatus | null = isOneOf(RECORD_STATUSES, chosen) ? chosen : null;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const records = useRecords(
    {
      status: status ? [status] : [...RECORD_STATUSES],
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    },
    language,
  );
  const href = (n: number) =>
    `?${new URLSearchParams({ ...(status && { status }), ...(n > 1 && { page: String(n) }) })}`;

  return (
    <section
      className="card"
      aria-labelledby={ids.heading}
      aria-busy={records.isFetching || undefined}
    >
      <h2 id={ids.heading}>{t('staff.library.records')}</h2>
      <p className="actions">
        <Link className="button button-primary" to={paths.manageNewRecord}>
          {t('staff.library.newRecord')}
        </Link>
      </p>
      <p className="inline-field">
        <label htmlFor={ids.status}>{t('staff.statusFilter')}</label>
        <select
          id={ids.status}
          value={status ?? ''}
          onChange={(event) => setParams(event.target.value ? { status: event.target.value } : {})}
        >
          <option value="">{t('staff.allStatuses')}</option>
          {RECORD_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`library.status.${value}`)}
            </option>
          ))}
        </select>
      </p>
      <p role="status" className="results-count">
        {records.data
          ? t('library.results.count', { count: records.data.total })
          : records.isPending
            ? t('app.loading')
            : null}
      </p>
      {records.isError && (
        <p role="alert" className="alert alert-error">
          {t('staff.loadError')}
        </p>
      )}
      {records.data && records.data.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('staff.library.fields.title')}</th>
              <th scope="col">{t('library.fields.type')}</th>
              <th scope="col">{t('staff.statusLabel')}</th>
              <th scope="col">{t('staff.library.updatedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {records.data.items.map((record) => (
              <tr key={record.id}>
                <td>
                  <Link to={links.manageRecord(record.id)}>
                    {record.title || t('staff.library.untitled')}
                  </Link>
                </td>
                <td>{record.type_label}</td>
                <td>{t(`library.status.${record.status}`)}</td>
                <td>{formatDate(record.updated_at, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {records.data && (
        <Pagination page={page} total={records.data.total} size={PAGE_SIZE} href={href} />
      )}
    </section>
  );
}
