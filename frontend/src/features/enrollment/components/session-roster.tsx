import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceSheet, RosterEntry } from '@/api/models';
import { Button } from '@/components/ui/button';
import { Field, FormAlert, StatusMessage } from '@/components/ui/form';
import { Loading } from '@/components/ui/loading';
import { formErrors } from '@/lib/form-errors';
import { countryName, formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useAttendance, useRecordAttendance } from '../api/attendance';
import { rosterCsvUrl, useRoster } from '../api/get-roster';
import { ApplicationStatus } from './application-status';

/** Staff: the session's roster and, day by day, who was present. */
export function SessionRoster({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const roster = useRoster(sessionId);
  const attendance = useAttendance(sessionId);
  if (roster.isPending || attendance.isPending) return <Loading />;
  if (roster.isError || attendance.isError) return <p role="alert">{t('errors.network')}</p>;
  const { items, capacity, seats_taken } = roster.data;
  return (
    <>
      <p>
        {t('manage.roster.seats', { taken: seats_taken, capacity })} ·{' '}
        <a href={rosterCsvUrl(sessionId)} download>
          {t('manage.roster.csv')}
        </a>
      </p>
      {items.length === 0 ? (
        <p>{t('manage.roster.empty')}</p>
      ) : (
        <table className="table" aria-label={t('manage.roster.title')}>
          <thead>
            <tr>
              <th scope="col">{t('manage.roster.name')}</th>
              <th scope="col">{t('manage.roster.organisation')}</th>
              <th scope="col">{t('manage.applications.status')}</th>
              <th scope="col">{t('manage.roster.attendance')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.application_id}>
                <td>
                  {entry.full_name ?? entry.email ?? entry.learner_id}
                  {entry.country && <> · {countryName(entry.country, language)}</>}
                </td>
                <td>{entry.organisation_name ?? ''}</td>
                <td>
                  <ApplicationStatus status={entry.status} />
                </td>
                <td>
                  {entry.days_present}/{entry.days_total}
                  {entry.attendance_percent != null && <> ({Math.round(entry.attendance_percent)} %)</>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {items.length > 0 && attendance.data.days.length > 0 && (
        <AttendanceForm sessionId={sessionId} entries={items} sheet={attendance.data} />
      )}
    </>
  );
}

function AttendanceForm({
  sessionId,
  entries,
  sheet,
}: {
  sessionId: string;
  entries: RosterEntry[];
  sheet: AttendanceSheet;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [day, setDay] = useState(sheet.days[0]);
  const record = useRecordAttendance(sessionId);
  const errors = formErrors(record.error, t, { fields: [] });
  const present = new Set(
    sheet.records.filter((r) => r.day === day && r.present).map((r) => r.application_id),
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const checked = new Set(data.getAll('present').map(String));
    record.mutate({
      day,
      body: {
        records: entries.map((e) => ({ application_id: e.application_id, present: checked.has(e.application_id) })),
      },
    });
  }

  return (
    <section className="card" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('manage.roster.attendanceTitle')}</h2>
      <form className="form" onSubmit={handleSubmit}>
        <FormAlert messages={errors.general} />
        <StatusMessage>{record.isSuccess ? t('manage.roster.saved') : null}</StatusMessage>
        <Field name="day" label={t('manage.roster.day')}>
          {(props) => (
            <select {...props} value={day} onChange={(e) => setDay(e.target.value)}>
              {sheet.days.map((d) => (
                <option key={d} value={d}>
                  {formatDate(d, language, 'UTC')}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="choice-group" key={day}>
          <legend>{t('manage.roster.present')}</legend>
          {entries.map((entry) => (
            <label key={entry.application_id} className="facet-option">
              <input
                type="checkbox"
                name="present"
                value={entry.application_id}
                defaultChecked={present.has(entry.application_id)}
              />{' '}
              {entry.full_name ?? entry.email ?? entry.learner_id}
            </label>
          ))}
        </fieldset>
        <Button type="submit" busy={record.isPending} busyLabel={t('manage.roster.saving')}>
          {t('manage.roster.save')}
        </Button>
      </form>
    </section>
  );
}
