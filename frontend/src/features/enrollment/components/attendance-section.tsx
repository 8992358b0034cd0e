import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceSheet, RosterEntry } from '@/api/models';
import { Button } from '@/components/ui/button';
import { Field, FormAlert, StatusMessage } from '@/components/ui/form';
import { formErrors } from '@/lib/form-errors';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useRecordAttendance } from '../api/attendance';
import { AttendanceScan } from './attendance-scan';

/** Who is expected on the days: a confirmed seat (or already completed / marked absent). */
const ATTENDING: readonly string[] = ['confirmed', 'completed', 'no_show'];

export const attends = (entry: RosterEntry) => ATTENDING.includes(entry.status);

/** Today at the venue, as `YYYY-MM-DD` (the service counts the session's days in its time zone). */
export function todayIn(timeZone: string | null | undefined, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? undefined }).format(now);
  } catch {
    return new Intl.DateTimeFormat('en-CA').format(now);
  }
}

/** The day attendance is taken for when the page opens: today if the session runs today, else its first day. */
export function defaultDay(days: string[], timeZone?: string | null): string {
  const today = todayIn(timeZone);
  return days.includes(today) ? today : days[0];
}

/** Staff: one day of the seminar at a time; people marked by their QR code or ticked by hand. */
export function AttendanceSection({
  sessionId,
  entries,
  sheet,
  timeZone,
}: {
  sessionId: string;
  entries: RosterEntry[];
  sheet: AttendanceSheet;
  timeZone?: string | null;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [day, setDay] = useState(() => defaultDay(sheet.days, timeZone));
  const attending = entries.filter(attends);
  return (
    <section className="card" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('manage.roster.attendanceTitle')}</h2>
      <div className="form">
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
      </div>
      {attending.length === 0 ? (
        <p>{t('enrol.attendance.nobody')}</p>
      ) : (
        <>
          <AttendanceScan sessionId={sessionId} day={day} />
          <AttendanceForm sessionId={sessionId} entries={attending} sheet={sheet} day={day} />
        </>
      )}
    </section>
  );
}

function AttendanceForm({
  sessionId,
  entries,
  sheet,
  day,
}: {
  sessionId: string;
  entries: RosterEntry[];
  sheet: AttendanceSheet;
  day: string;
}) {
  const { t } = useTranslation();
  const record = useRecordAttendance(sessionId);
  const errors = formErrors(record.error, t, { fields: [] });
  const present = sheet.records
    .filter((r) => r.day === day && r.present)
    .map((r) => r.application_id)
    .sort();

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
    <form className="form" onSubmit={handleSubmit} aria-labelledby="attendance-form-title">
      <h3 id="attendance-form-title">{t('enrol.attendance.byHand')}</h3>
      <FormAlert messages={errors.general} />
      <StatusMessage>{record.isSuccess ? t('manage.roster.saved') : null}</StatusMessage>
      {/* Keyed by the day and who is present: a scan (or another tab) ticks the box here too. */}
      <fieldset className="choice-group" key={`${day}:${present.join(',')}`}>
        <legend>{t('manage.roster.present')}</legend>
        {entries.map((entry) => (
          <label key={entry.application_id} className="facet-option">
            <input
              type="checkbox"
              name="present"
              value={entry.application_id}
              defaultChecked={present.includes(entry.application_id)}
            />{' '}
            {entry.full_name ?? entry.email ?? entry.learner_id}
          </label>
        ))}
      </fieldset>
      <Button type="submit" busy={record.isPending} busyLabel={t('manage.roster.saving')}>
        {t('manage.roster.save')}
      </Button>
    </form>
  );
}
