import type { TFunction } from 'i18next';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Audience,
  DeliveryMode,
  EventKind,
  SessionDetail,
  SessionInput,
  SessionUpdate,
  TeachingLanguage,
} from '@/api/models';
import { Button } from '@/components/ui/button';
import { Field, FormAlert, StatusMessage, useFocusFirstError } from '@/components/ui/form';
import { formErrors } from '@/lib/form-errors';
import { ApiError } from '@/lib/problem';
import { currentLanguage } from '@/lib/i18n';
import { useCreateSession } from '../api/create-session';
import { useModules } from '../api/get-modules';
import { useProgrammes } from '../api/get-programmes';
import { useThemes } from '../api/get-themes';
import { useUpdateSession } from '../api/update-session';
import { teachingLanguage } from '../utils/session-text';
import { integer, localInputValue, text, textFields, variants } from '../utils/form-values';
import {
  AUDIENCES,
  DELIVERY_MODES,
  EVENT_KINDS,
  isOneOf,
  PROGRAMME_STATUSES,
  TEACHING_LANGUAGES,
} from '../utils/vocabulary';
import { AudienceChoice } from './audience-choice';
import { TranslatedFields } from './translated-fields';
import '@/locales/manage';

const FIELDS = [
  'programme_id',
  'module_id',
  ...textFields('title'),
  ...textFields('summary'),
  'delivery_mode',
  'event_kind',
  'theme',
  'audiences',
  'starts_at',
  'ends_at',
  'timezone',
  'venue',
  'venue.city',
  'venue.country',
  'venue.address',
  'online',
  'online_url',
  'language',
  'capacity',
  'applications_open_at',
  'applications_close_at',
  'trainer_ids',
];

// Offered while typing; any IANA zone is accepted (the API checks it).
const TIME_ZONES = [
  'Africa/Abidjan',
  'Africa/Accra',
  'Africa/Addis_Ababa',
  'Africa/Algiers',
  'Africa/Cairo',
  'Africa/Casablanca',
  'Africa/Dakar',
  'Africa/Douala',
  'Africa/Johannesburg',
  'Africa/Kigali',
  'Africa/Kinshasa',
  'Africa/Lagos',
  'Africa/Nairobi',
  'Africa/Porto-Novo',
  'Africa/Tunis',
  'Africa/Yaounde',
  'Europe/Paris',
  'UTC',
];

function defaultZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

const STAFF_PROGRAMMES = { status: PROGRAMME_STATUSES.filter((s) => s !== 'archived'), limit: 100 };

function readForm(form: HTMLFormElement, stored: Record<string, Record<string, unknown> | null>) {
  const data = new FormData(form);
  const mode = text(data, 'delivery_mode');
  const eventKind = text(data, 'event_kind');
  const language = text(data, 'language');
  const online = text(data, 'online');
  const venue = {
    city: text(data, 'venue.city') || null,
    country: text(data, 'venue.country').toUpperCase() || null,
    address: text(data, 'venue.address') || null,
  };
  return {
    programme_id: text(data, 'programme_id') || null,
    module_id: text(data, 'module_id') || null,
    title: variants<string>(data, 'title', stored.title),
    summary: variants<string>(data, 'summary', stored.summary),
    delivery_mode: (isOneOf(DELIVERY_MODES, mode) ? mode : undefined) as DeliveryMode,
    event_kind: isOneOf(EVENT_KINDS, eventKind) ? (eventKind as EventKind) : null,
    theme: text(data, 'theme') || null,
    audiences: data
      .getAll('audiences')
      .map(String)
      .filter((a) => isOneOf(AUDIENCES, a)) as Audience[],
    // Wall-clock times at the venue, without an offset: the API reads them in `timezone`.
    starts_at: text(data, 'starts_at'),
    ends_at: text(data, 'ends_at'),
    timezone: text(data, 'timezone'),
    venue: venue.city || venue.country || venue.address ? venue : null,
    online: online === '' ? null : online === 'true',
    online_url: text(data, 'online_url') || null,
    language: (isOneOf(TEACHING_LANGUAGES, language) ? language : 'fr') as TeachingLanguage,
    capacity: integer(text(data, 'capacity')) ?? 0,
    applications_open_at: text(data, 'applications_open_at') || null,
    applications_close_at: text(data, 'applications_close_at') || null,
    // One input per trainer chosen (the picker's hidden inputs), in order.
    trainer_ids: data.getAll('trainer_ids').map(String).filter(Boolean),
  };
}

/** What the form hands to the control that chooses trainers (the experts directory's picker). */
export interface TrainerFieldProps {
  name: 'trainer_ids';
  label: string;
  hint: string;
  initial: string[];
  error?: string;
  errorsById: Record<string, string>;
}

const TRAINER_ERROR = /^trainer_ids\.(\d+)$/;

/**
 * The API names a refused trainer by its position in the list sent (`trainer_ids.1`): mapped back
 * to the id, so the message stays with that expert even after the list changes. Codes the SPA
 * knows are said in the reader's language.
 */
function trainerErrors(
  error: unknown,
  sent: readonly string[] | null | undefined,
  t: TFunction,
): { list?: string; byId: Record<string, string> } {
  const result: { list?: string; byId: Record<string, string> } = { byId: {} };
  if (!(error instanceof ApiError)) return result;
  for (const problem of error.problem.errors) {
    const message = t(`manage.trainerErrors.${problem.code}`, { defaultValue: problem.message });
    const position = TRAINER_ERROR.exec(problem.field)?.[1];
    const expertId = position === undefined ? undefined : sent?.[Number(position)];
    if (expertId) result.byId[expertId] ??= message;
    else if (problem.field.startsWith('trainer_ids')) result.list ??= message;
  }
  return result;
}

interface SessionFormProps {
  /** The session to edit, read with every language variant (`lang=all`); none to create one. */
  session?: SessionDetail;
  /** The programme a new session belongs to, when the coordinator came from that programme. */
  programmeId?: string;
  onCreated?: (session: SessionDetail) => void;
  /** The control that chooses trainers; it submits one `trainer_ids` input per expert. */
  trainerField: (props: TrainerFieldProps) => ReactNode;
}

export function SessionForm({
  session,
  programmeId = '',
  onCreated,
  trainerField,
}: SessionFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const formRef = useRef<HTMLFormElement>(null);
  const [programme, setProgramme] = useState(session?.programme_id ?? programmeId);
  const programmes = useProgrammes(STAFF_PROGRAMMES, language);
  const modules = useModules(programme, language);
  const themes = useThemes(language);
  const create = useCreateSession();
  const update = useUpdateSession(session?.id ?? '');
  const mutation = session ? update : create;
  const errors = formErrors(mutation.error, t, { fields: FIELDS });
  useFocusFirstError(formRef, mutation.error);
  const trainers = trainerErrors(mutation.error, mutation.variables?.trainer_ids, t);
  const stored = (session?.translations ?? {}) as Record<string, Record<string, unknown> | null>;
  const standalone = programme === '';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { programme_id, theme, audiences, ...values } = readForm(event.currentTarget, stored);
    // A programme's sessions take its theme and audiences: only an event has its own.
    const own = standalone ? { theme, audiences } : {};
    if (session) {
      update.mutate({ ...values, ...own } as SessionUpdate);
    } else {
      create.mutate({ ...values, ...own, programme_id } as SessionInput, {
        onSuccess: (created) => onCreated?.(created),
      });
    }
  }

  const venue = session?.venue;
  return (
    <form ref={formRef} className="form" onSubmit={handleSubmit}>
      <FormAlert messages={errors.general} />
      <StatusMessage>{session && update.isSuccess ? t('manage.saved') : null}</StatusMessage>
      {!session && (
        <Field
          name="programme_id"
          label={t('manage.fields.programme')}
          hint={t('manage.fields.programmeHint')}
          error={errors.fields.programme_id}
        >
          {(props) => (
            <select {...props} value={programme} onChange={(e) => setProgramme(e.target.value)}>
              <option value="">{t('manage.fields.standaloneEvent')}</option>
              {programmes.data?.items.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.status === 'draft' ? t('manage.draftOption', { title: p.title }) : p.title}
                </option>
              ))}
              {/* The chosen programme may not be among the first page: keep it choosable. */}
              {programme && !programmes.data?.items.some((p) => p.id === programme) && (
                <option value={programme}>{programme}</option>
              )}
            </select>
          )}
        </Field>
      )}
      {!standalone && (
        <Field name="module_id" label={t('manage.fields.module')} error={errors.fields.module_id}>
          {(props) => (
            <select
              {...props}
              key={`${programme}-${modules.data ? 'loaded' : 'loading'}`}
              defaultValue={session?.module_id ?? ''}
            >
              <option value="">{t('manage.fields.wholeProgramme')}</option>
              {modules.data?.items.map((m) => (
                <option key={m.id} value={m.id}>
                  {`${m.position}. ${m.title}`}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <TranslatedFields
        name="title"
        label={t('manage.fields.title')}
        hint={standalone ? undefined : t('manage.fields.sessionTitleHint')}
        stored={stored.title}
        errors={errors.fields}
        maxLength={300}
      />
      <TranslatedFields
        name="summary"
        label={t('manage.fields.summary')}
        stored={stored.summary}
        errors={errors.fields}
        kind="text"
        maxLength={4000}
      />
      <Field
        name="delivery_mode"
        label={t('manage.fields.deliveryMode')}
        error={errors.fields.delivery_mode}
      >
        {(props) => (
          <select
            {...props}
            required
            defaultValue={session?.delivery_mode ?? 'residential_seminar'}
          >
            {DELIVERY_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`deliveryMode.${mode}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name="event_kind"
        label={t('manage.fields.eventKind')}
        hint={t('manage.fields.eventKindHint')}
        error={errors.fields.event_kind}
      >
        {(props) => (
          <select {...props} defaultValue={session?.event_kind ?? ''}>
            <option value="">{t('manage.fields.notAnEvent')}</option>
            {EVENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`eventKind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {standalone && (
        <>
          <Field name="theme" label={t('manage.fields.theme')} error={errors.fields.theme}>
            {(props) => (
              <select
                {...props}
                key={themes.data ? 'themes' : 'none'}
                defaultValue={session?.theme ?? ''}
              >
                <option value="">{t('manage.fields.noTheme')}</option>
                {themes.data?.items.map((theme) => (
                  <option key={theme.code} value={theme.code}>
                    {theme.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <AudienceChoice chosen={session?.audiences ?? []} error={errors.fields.audiences} />
        </>
      )}
      <div className="field-row">
        <Field name="starts_at" label={t('manage.fields.startsAt')} error={errors.fields.starts_at}>
          {(props) => (
            <input
              {...props}
              type="datetime-local"
              required
              defaultValue={localInputValue(session?.starts_at)}
            />
          )}
        </Field>
        <Field name="ends_at" label={t('manage.fields.endsAt')} error={errors.fields.ends_at}>
          {(props) => (
            <input
              {...props}
              type="datetime-local"
              required
              defaultValue={localInputValue(session?.ends_at)}
            />
          )}
        </Field>
      </div>
      <Field
        name="timezone"
        label={t('manage.fields.timezone')}
        hint={t('manage.fields.timezoneHint')}
        error={errors.fields.timezone}
      >
        {(props) => (
          <>
            <input
              {...props}
              type="text"
              required
              list={`${props.id}-zones`}
              defaultValue={session?.timezone ?? defaultZone()}
            />
            <datalist id={`${props.id}-zones`}>
              {TIME_ZONES.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <fieldset className="field-group">
        <legend>{t('manage.fields.venue')}</legend>
        {errors.fields.venue && <p className="field-error">{errors.fields.venue}</p>}
        <div className="field-row">
          <Field
            name="venue.city"
            label={t('manage.fields.city')}
            error={errors.fields['venue.city']}
          >
            {(props) => (
              <input {...props} type="text" maxLength={120} defaultValue={venue?.city ?? ''} />
            )}
          </Field>
          <Field
            name="venue.country"
            label={t('manage.fields.country')}
            hint={t('manage.fields.countryHint')}
            error={errors.fields['venue.country']}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                maxLength={2}
                autoCapitalize="characters"
                defaultValue={venue?.country ?? ''}
              />
            )}
          </Field>
        </div>
        <Field
          name="venue.address"
          label={t('manage.fields.address')}
          error={errors.fields['venue.address']}
        >
          {(props) => (
            <input {...props} type="text" maxLength={300} defaultValue={venue?.address ?? ''} />
          )}
        </Field>
      </fieldset>
      <div className="field-row">
        <Field name="online" label={t('manage.fields.online')} error={errors.fields.online}>
          {(props) => (
            <select {...props} defaultValue={session ? String(session.online) : ''}>
              <option value="">{t('manage.fields.onlineByMode')}</option>
              <option value="true">{t('manage.fields.yes')}</option>
              <option value="false">{t('manage.fields.no')}</option>
            </select>
          )}
        </Field>
        <Field
          name="online_url"
          label={t('manage.fields.onlineUrl')}
          error={errors.fields.online_url}
        >
          {(props) => <input {...props} type="url" defaultValue={session?.online_url ?? ''} />}
        </Field>
      </div>
      <div className="field-row">
        <Field name="language" label={t('manage.fields.language')} error={errors.fields.language}>
          {(props) => (
            <select {...props} required defaultValue={session?.language ?? 'fr'}>
              {TEACHING_LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {teachingLanguage(code, language, t)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="capacity" label={t('manage.fields.capacity')} error={errors.fields.capacity}>
          {(props) => (
            <input
              {...props}
              type="number"
              required
              min={1}
              step={1}
              defaultValue={session?.capacity ?? ''}
            />
          )}
        </Field>
      </div>
      <div className="field-row">
        <Field
          name="applications_open_at"
          label={t('manage.fields.applicationsOpenAt')}
          error={errors.fields.applications_open_at}
        >
          {(props) => (
            <input
              {...props}
              type="datetime-local"
              defaultValue={localInputValue(session?.applications_open_at)}
            />
          )}
        </Field>
        <Field
          name="applications_close_at"
          label={t('manage.fields.applicationsCloseAt')}
          error={errors.fields.applications_close_at}
        >
          {(props) => (
            <input
              {...props}
              type="datetime-local"
              defaultValue={localInputValue(session?.applications_close_at)}
            />
          )}
        </Field>
      </div>
      {trainerField({
        name: 'trainer_ids',
        label: t('manage.fields.trainers'),
        hint: t('manage.fields.trainersHint'),
        initial: session?.trainer_ids ?? [],
        error: trainers.list,
        errorsById: trainers.byId,
      })}
      <Button type="submit" busy={mutation.isPending} busyLabel={t('manage.saving')}>
        {session ? t('manage.save') : t('manage.createSession')}
      </Button>
    </form>
  );
}
