import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '@/api/models';
import { Button } from '@/components/ui/button';
import { Field, FormAlert } from '@/components/ui/form';
import { formErrors } from '@/lib/form-errors';
import { importIsRunning, useImportJob, useStartImport } from '../api/imports';
import { enrollmentKey } from '../api/keys';

/** A file a spreadsheet can save, with the columns the service reads. */
const TEMPLATE = 'data:text/csv;charset=utf-8,' + encodeURIComponent('email,country,organisation_name,position\n');

/**
 * Staff: enrol a list of people from a CSV file. The service checks every row first and enrols
 * all of them in one go, or nobody: a file with one bad row changes nothing and lists each
 * row's problem. The job runs after the upload; its progress is shown while it runs.
 */
export function BulkEnrolment({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const start = useStartImport(sessionId);
  const [jobId, setJobId] = useState<string | null>(null);
  const [noFile, setNoFile] = useState(false);
  const job = useImportJob(jobId, start.data);
  const form = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const errors = formErrors(start.error, t, { fields: ['file'] });
  const current = job.data;
  const running = start.isPending || importIsRunning(current);

  // Enrolled people appear on the roster as soon as the job ends well.
  const finished = current?.status === 'completed' ? current.id : null;
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: [...enrollmentKey, 'sessions', sessionId] });
  }, [finished, queryClient, sessionId]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file || file.size === 0) {
      setNoFile(true);
      return;
    }
    setNoFile(false);
    setJobId(null);
    start.mutate(file, {
      onSuccess: (created) => {
        setJobId(created.id);
        form.current?.reset();
      },
    });
  }

  return (
    <section className="card" aria-labelledby="bulk-title">
      <h2 id="bulk-title">{t('enrol.bulk.title')}</h2>
      <p>{t('enrol.bulk.intro')}</p>
      <form ref={form} className="form" onSubmit={handleSubmit}>
        <FormAlert messages={errors.general} />
        <Field
          name="file"
          label={t('enrol.bulk.file')}
          hint={t('enrol.bulk.fileHint')}
          error={noFile ? t('enrol.bulk.noFile') : errors.fields.file}
        >
          {(props) => (
            <input {...props} ref={fileInput} type="file" accept=".csv,text/csv" onChange={() => setNoFile(false)} />
          )}
        </Field>
        <p className="actions">
          <Button type="submit" busy={running} busyLabel={t('enrol.bulk.running')}>
            {t('enrol.bulk.start')}
          </Button>
          <a href={TEMPLATE} download="enrolment.csv">
            {t('enrol.bulk.template')}
          </a>
        </p>
      </form>
      {current && <ImportProgress job={current} />}
      {job.isError && (
        <p role="alert" className="alert alert-error">
          {t('errors.network')}
        </p>
      )}
    </section>
  );
}

function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const running = importIsRunning(job);
  return (
    <section aria-labelledby="bulk-progress-title">
      <h3 id="bulk-progress-title">{t('enrol.bulk.progressTitle')}</h3>
      {running && (
        <progress
          value={job.processed}
          max={Math.max(job.total, 1)}
          aria-label={t('enrol.bulk.progressLabel')}
          style={{ width: '100%' }}
        />
      )}
      {/* A polite region: the row count changes often while the job runs. */}
      <div role="status" className={job.status === 'completed' ? 'alert alert-success' : undefined}>
        {running && (
          <p>
            {t(`enrol.bulk.status.${job.status as 'queued' | 'validating' | 'applying'}`, {
              processed: job.processed,
              total: job.total,
            })}
          </p>
        )}
        {job.status === 'completed' && <p>{t('enrol.bulk.completed', { count: job.enrolled })}</p>}
      </div>
      {job.status === 'failed' && (
        <div role="alert" className="alert alert-error">
          <p>
            <strong>{t('enrol.bulk.nobody')}</strong>
          </p>
          <p>
            {job.errors.length > 0
              ? t('enrol.bulk.rowsAtFault', { count: job.errors.length, total: job.total })
              : (job.message ?? t('errors.generic'))}
          </p>
        </div>
      )}
      {job.errors.length > 0 && <RowErrors job={job} />}
    </section>
  );
}

function RowErrors({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  return (
    <table className="table" aria-label={t('enrol.bulk.errorsTable')}>
      <thead>
        <tr>
          <th scope="col">{t('enrol.bulk.row')}</th>
          <th scope="col">{t('enrol.bulk.column')}</th>
          <th scope="col">{t('enrol.bulk.problem')}</th>
        </tr>
      </thead>
      <tbody>
        {job.errors.map((error, index) => (
          <tr key={`${String(error.row)}-${String(error.field)}-${index}`}>
            <td>{String(error.row ?? '')}</td>
            <td>
              <code>{String(error.field ?? '')}</code>
            </td>
            <td>{String(error.message ?? '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
