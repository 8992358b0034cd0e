import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrollmentApplicationDetail, PlacementInput, RosterEntry } from '@/api/models';
import { Button } from '@/components/ui/button';
import { Field, FormAlert, StatusMessage } from '@/components/ui/form';
import { Loading } from '@/components/ui/loading';
import { useCountries } from '@/features/auth/api/get-countries';
import { formErrors } from '@/lib/form-errors';
import { optional } from '@/lib/form-data';
import { currentLanguage } from '@/lib/i18n';
import { useApplication } from '../api/get-application';
import { useSavePlacement } from '../api/placement';
import { useUploadAttachment } from '../api/upload-attachment';
import { nameOf } from './completion-panel';

/** Sessions whose participants go somewhere: a host, a tutor and a report to record. */
export const PLACEMENT_MODES: readonly string[] = ['internship', 'study_trip'];

const FIELDS = [
  'host_organisation',
  'host_city',
  'host_country',
  'tutor_name',
  'tutor_email',
  'report_title',
  'report_summary',
  'report_attachment_id',
  'report_accepted',
] as const;

/** Staff: each participant's internship or study trip, opened one at a time. */
export function Placements({ entries }: { entries: RosterEntry[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="placements-title">
      <h2 id="placements-title">{t('enrol.placement.title')}</h2>
      <p>{t('enrol.placement.intro')}</p>
      {entries.map((entry) => (
        <PlacementDisclosure key={entry.application_id} entry={entry} />
      ))}
    </section>
  );
}

function PlacementDisclosure({ entry }: { entry: RosterEntry }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{nameOf(entry)}</summary>
      {open && <PlacementEditor applicationId={entry.application_id} />}
    </details>
  );
}

function PlacementEditor({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const detail = useApplication(applicationId, language);
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <p role="alert">{t('errors.network')}</p>;
  return <PlacementForm application={detail.data} />;
}

export function PlacementForm({ application }: { application: EnrollmentApplicationDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const countries = useCountries(language);
  const save = useSavePlacement(application.id);
  const upload = useUploadAttachment();
  const reportInput = useRef<HTMLInputElement>(null);
  const errors = formErrors(save.error ?? upload.error, t, { fields: [...FIELDS, 'file'] });
  const placement = application.placement;
  const reports = application.attachments.filter((a) => a.kind === 'report');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    let reportId = optional(data, 'report_attachment_id');
    const file = reportInput.current?.files?.[0];
    if (file && file.size > 0) {
      try {
        reportId = (await upload.mutateAsync({ applicationId: application.id, kind: 'report', file })).id;
      } catch {
        return; // the upload's error is shown next to its field
      }
    }
    const accepted = String(data.get('report_accepted') ?? '');
    const body: PlacementInput = {
      host_organisation: optional(data, 'host_organisation'),
      host_city: optional(data, 'host_city'),
      host_country: optional(data, 'host_country'),
      tutor_name: optional(data, 'tutor_name'),
      tutor_email: optional(data, 'tutor_email'),
      report_title: optional(data, 'report_title'),
      report_summary: optional(data, 'report_summary'),
      report_attachment_id: reportId,
      report_accepted: accepted === '' ? null : accepted === 'yes',
    };
    save.mutate(body);
  }

  return (
    <form className="form" onSubmit={handleSubmit}>
      <FormAlert messages={errors.general} />
      <StatusMessage>{save.isSuccess ? t('enrol.placement.saved') : null}</StatusMessage>
      <fieldset>
        <legend>{t('enrol.placement.host')}</legend>
        <Field
          name="host_organisation"
          label={t('enrol.placement.hostOrganisation')}
          error={errors.fields.host_organisation}
        >
          {(props) => (
            <input {...props} type="text" maxLength={300} defaultValue={placement?.host_organisation ?? ''} />
          )}
        </Field>
        <Field name="host_city" label={t('enrol.placement.hostCity')} error={errors.fields.host_city}>
          {(props) => <input {...props} type="text" maxLength={120} defaultValue={placement?.host_city ?? ''} />}
        </Field>
        <Field name="host_country" label={t('enrol.placement.hostCountry')} error={errors.fields.host_country}>
          {(props) => (
            <select {...props} defaultValue={placement?.host_country ?? ''} key={countries.data ? 'loaded' : 'loading'}>
              <option value="">{t('enrol.placement.noCountry')}</option>
              {(countries.data?.items ?? []).map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('enrol.placement.tutor')}</legend>
        <Field name="tutor_name" label={t('enrol.placement.tutorName')} error={errors.fields.tutor_name}>
          {(props) => <input {...props} type="text" maxLength={200} defaultValue={placement?.tutor_name ?? ''} />}
        </Field>
        <Field name="tutor_email" label={t('enrol.placement.tutorEmail')} error={errors.fields.tutor_email}>
          {(props) => <input {...props} type="email" maxLength={320} defaultValue={placement?.tutor_email ?? ''} />}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('enrol.placement.report')}</legend>
        <Field name="report_title" label={t('enrol.placement.reportTitle')} error={errors.fields.report_title}>
          {(props) => <input {...props} type="text" maxLength={300} defaultValue={placement?.report_title ?? ''} />}
        </Field>
        <Field name="report_summary" label={t('enrol.placement.reportSummary')} error={errors.fields.report_summary}>
          {(props) => (
            <textarea {...props} rows={4} maxLength={10000} defaultValue={placement?.report_summary ?? ''} />
          )}
        </Field>
        {reports.length > 0 && (
          <Field
            name="report_attachment_id"
            label={t('enrol.placement.reportFile')}
            error={errors.fields.report_attachment_id}
          >
            {(props) => (
              <select {...props} defaultValue={placement?.report_attachment_id ?? ''}>
                <option value="">{t('enrol.placement.noReportFile')}</option>
                {reports.map((report) => (
                  <option key={report.id} value={report.id}>
                    {report.filename}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field
          name="file"
          label={t('enrol.placement.reportUpload')}
          hint={t('enrol.placement.reportUploadHint')}
          error={errors.fields.file}
        >
          {(props) => <input {...props} ref={reportInput} type="file" accept="application/pdf,.pdf" />}
        </Field>
        <Field
          name="report_accepted"
          label={t('enrol.placement.reportAccepted')}
          error={errors.fields.report_accepted}
        >
          {(props) => (
            <select
              {...props}
              defaultValue={placement?.report_accepted == null ? '' : placement.report_accepted ? 'yes' : 'no'}
            >
              <option value="">{t('enrol.placement.notAssessed')}</option>
              <option value="yes">{t('enrol.placement.accepted')}</option>
              <option value="no">{t('enrol.placement.notAccepted')}</option>
            </select>
          )}
        </Field>
      </fieldset>
      <Button type="submit" busy={save.isPending || upload.isPending} busyLabel={t('enrol.placement.saving')}>
        {t('enrol.placement.save')}
      </Button>
    </form>
  );
}
