import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordDetail } from '@/api/models';
import { Button } from '@/components/ui/button';
import { Field, FormAlert, StatusMessage, useFocusFirstError } from '@/components/ui/form';
import { formErrors } from '@/lib/form-errors';
import { currentLanguage } from '@/lib/i18n';
import { useRemoveFile } from '../api/remove-file';
import { useUploadFile } from '../api/upload-file';
import { filePath, fileSize } from '../utils/files';
import '@/locales/staff';

const ACCEPT = '.pdf,.doc,.docx,.odt,.rtf,.xls,.xlsx,.ods,.ppt,.pptx,.pps,.odp,.epub';

/** A record's files: upload (multipart; the service checks type and size), download, remove. */
export function FileManager({ record }: { record: RecordDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [missing, setMissing] = useState(false);
  const upload = useUploadFile(record.id);
  const remove = useRemoveFile(record.id);
  const errors = formErrors(upload.error ?? remove.error, t, {
    fields: ['file', 'label'],
    statusMessages: { 413: t('staff.library.tooLarge'), 415: t('staff.library.unsupported') },
  });
  useFocusFirstError(formRef, upload.error);
  const files = record.files.filter((file) => !file.removed);
  const editable = record.status !== 'withdrawn';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    setMissing(!file);
    if (!file) return;
    remove.reset();
    upload.mutate(
      { file, label: String(new FormData(form).get('label') ?? '').trim() },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('library.record.files')}</h2>
      {files.length === 0 ? (
        <p>{t('library.record.noFiles')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('staff.library.file')}</th>
              <th scope="col">{t('staff.library.size')}</th>
              <th scope="col">{t('staff.library.downloads')}</th>
              {editable && <th scope="col">{t('staff.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {files.map((file) => (
              <tr key={file.id}>
                <td>
                  <a href={filePath(record.id, file)} download={file.filename}>
                    {file.label || file.filename}
                  </a>
                  {file.label && <span className="muted"> ({file.filename})</span>}
                </td>
                <td>{fileSize(file.size_bytes, language)}</td>
                <td>{file.download_count ?? 0}</td>
                {editable && (
                  <td>
                    <Button
                      variant="link"
                      className="button-link"
                      busy={remove.isPending && remove.variables === file.id}
                      busyLabel={t('staff.working')}
                      onClick={() => {
                        upload.reset();
                        remove.mutate(file.id);
                      }}
                    >
                      {t('staff.library.removeFile', { name: file.label || file.filename })}
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && (
        <form ref={formRef} className="form" onSubmit={handleSubmit}>
          <h3>{t('staff.library.addFile')}</h3>
          <FormAlert messages={errors.general} />
          <StatusMessage>
            {upload.isSuccess ? t('staff.library.uploaded', { name: upload.data.filename }) : null}
          </StatusMessage>
          <Field
            name="file"
            label={t('staff.library.file')}
            hint={t('staff.library.fileHint')}
            error={missing ? t('errors.required') : errors.fields.file}
          >
            {/* Checked here rather than with `required`, so the message reads like the API's. */}
            {(props) => <input {...props} type="file" accept={ACCEPT} />}
          </Field>
          <Field
            name="label"
            label={t('staff.library.fileLabel')}
            hint={t('staff.library.fileLabelHint')}
            error={errors.fields.label}
          >
            {(props) => <input {...props} type="text" maxLength={300} />}
          </Field>
          <Button type="submit" busy={upload.isPending} busyLabel={t('staff.library.uploading')}>
            {t('staff.library.upload')}
          </Button>
        </form>
      )}
    </section>
  );
}
