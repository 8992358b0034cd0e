import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AttachmentKind, EnrollmentApplicationDetail, EnrollmentSession, User } from '@/api/models';
import { Button } from '@/components/ui/button';
import { Field, FormAlert, StatusMessage, useFocusFirstError } from '@/components/ui/form';
import { paths } from '@/config/paths';
import { text } from '@/lib/form-data';
import { formErrors } from '@/lib/form-errors';
import { currentLanguage } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { useCreateApplication } from '../api/create-application';
import { useOrganisation } from '../api/get-organisation';
import { useUploadAttachment } from '../api/upload-attachment';
import { newIdempotencyKey } from '../utils/idempotency';
import { sessionQuestions } from '../utils/questions';
import { ApplicationStatus } from './application-status';
import { ENDORSER_FIELDS, EndorserFields, readEndorser } from './endorser-fields';

const ATTACHMENTS: AttachmentKind[] = ['cv', 'letter'];

interface UploadFailure {
  kind: AttachmentKind;
  message: string;
}

/**
 * The application to one session: motivation, position, organisation (prefilled from the profile),
 * the session's own questions, then the PDFs, sent once the application exists.
 */
export function ApplyForm({ session, user }: { session: EnrollmentSession; user: User }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = useCreateApplication(idempotencyKey);
  const upload = useUploadAttachment();
  const organisation = useOrganisation(user.organisation_id);
  const [created, setCreated] = useState<EnrollmentApplicationDetail | null>(null);
  const [uploadFailures, setUploadFailures] = useState<UploadFailure[]>([]);
  const questions = sessionQuestions(session, currentLanguage());
  const endorsed = session.requires_endorsement;
  const fields = [
    'motivation',
    'position',
    'organisation_name',
    ...questions.map((q) => `answers.${q.id}`),
    ...(endorsed ? ENDORSER_FIELDS : []),
  ];
  const alreadyApplied = create.error instanceof ApiError && create.error.status === 409;
  const errors = formErrors(create.error, t, {
    fields,
    statusMessages: { 409: t('apply.alreadyApplied') },
  });
  useFocusFirstError(formRef, create.error);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const answers: Record<string, string> = {};
    for (const q of questions) {
      const answer = text(data, `answers.${q.id}`);
      if (answer) answers[q.id] = answer;
    }
    const files = ATTACHMENTS.flatMap((kind) => {
      const input = form.elements.namedItem(kind);
      const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
      return file && file.size > 0 ? [{ kind, file }] : [];
    });
    let application: EnrollmentApplicationDetail;
    try {
      application = await create.mutateAsync({
        session_id: session.id,
        draft: false,
        motivation: text(data, 'motivation'),
        position: text(data, 'position') || null,
        organisation_name: text(data, 'organisation_name') || null,
        answers,
        endorser: endorsed ? readEndorser(data) : null,
      });
    } catch {
      return; // shown from create.error
    }
    const failures: UploadFailure[] = [];
    for (const { kind, file } of files) {
      try {
        await upload.mutateAsync({ applicationId: application.id, kind, file });
      } catch (error) {
        const message =
          error instanceof ApiError && error.status === 413
            ? t('apply.fileTooLarge')
            : error instanceof ApiError && error.status === 415
              ? t('apply.fileNotPdf')
              : error instanceof ApiError
                ? error.message
                : t('errors.network');
        failures.push({ kind, message });
      }
    }
    setUploadFailures(failures);
    setCreated(application);
  }

  if (created) {
    return (
      <div className="card">
        <StatusMessage>{t('apply.sent')}</StatusMessage>
        <p>
          {t('apply.statusNow')} <ApplicationStatus status={created.status} />
        </p>
        {uploadFailures.length > 0 && (
          <div role="alert" className="alert alert-error">
            <p>{t('apply.uploadFailed')}</p>
            <ul>
              {uploadFailures.map((f) => (
                <li key={f.kind}>
                  {t(`apply.attachment.${f.kind}`)} : {f.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        <p>
          <Link className="button button-primary" to={paths.myApplications}>
            {t('apply.toMySpace')}
          </Link>
        </p>
      </div>
    );
  }

  const uploading = upload.isPending;
  return (
    <form ref={formRef} className="form" onSubmit={handleSubmit} noValidate>
      <FormAlert messages={errors.general} />
      {alreadyApplied && (
        <p>
          <Link to={paths.myApplications}>{t('apply.seeMyApplications')}</Link>
        </p>
      )}
      <Field
        name="motivation"
        label={t('apply.motivation')}
        hint={t('apply.motivationHint')}
        error={errors.fields.motivation}
      >
        {(props) => <textarea {...props} rows={8} required maxLength={5000} />}
      </Field>
      <Field name="position" label={t('fields.positionShort')} error={errors.fields.position}>
        {(props) => (
          <input
            {...props}
            type="text"
            autoComplete="organization-title"
            maxLength={300}
            defaultValue={user.position ?? ''}
          />
        )}
      </Field>
      <Field
        name="organisation_name"
        label={t('fields.organisationShort')}
        error={errors.fields.organisation_name}
      >
        {(props) => (
          <input
            {...props}
            // Filled in once the organisation's name arrives.
            key={organisation.data?.name ?? ''}
            type="text"
            autoComplete="organization"
            maxLength={300}
            defaultValue={organisation.data?.name ?? ''}
          />
        )}
      </Field>
      {questions.length > 0 && (
        <fieldset className="choice-group">
          <legend>{t('apply.questions')}</legend>
          {questions.map((q) => (
            <Field
              key={q.id}
              name={`answers.${q.id}`}
              label={q.required ? q.label : t('apply.optional', { label: q.label })}
              error={errors.fields[`answers.${q.id}`]}
            >
              {(props) => <textarea {...props} rows={4} required={q.required} maxLength={5000} />}
            </Field>
          ))}
        </fieldset>
      )}
      {endorsed && <EndorserFields errors={errors.fields} />}
      <fieldset className="choice-group">
        <legend>{t('apply.attachments')}</legend>
        <p className="field-hint">{t('apply.attachmentsHint')}</p>
        {ATTACHMENTS.map((kind) => (
          <Field key={kind} name={kind} label={t(`apply.attachment.${kind}`)}>
            {(props) => <input {...props} type="file" accept="application/pdf,.pdf" />}
          </Field>
        ))}
      </fieldset>
      <Button
        type="submit"
        busy={create.isPending || uploading}
        busyLabel={uploading ? t('apply.uploading') : t('apply.sending')}
      >
        {t('apply.submit')}
      </Button>
    </form>
  );
}
