import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordDetail } from '@/api/models';
import { Button } from '@/components/ui/button';
import { ChoiceGroup } from '@/components/ui/choice-group';
import { Field, FormAlert, StatusMessage, useFocusFirstError } from '@/components/ui/form';
import { formErrors } from '@/lib/form-errors';
import { languageName } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useCreateRecord } from '../api/create-record';
import { useVocabularies } from '../api/get-vocabularies';
import { useUpdateRecord } from '../api/update-record';
import {
  EDITED_LANGUAGES,
  readRecordForm,
  recordFields,
  storedTexts,
  variantValue,
  type AuthorRow,
} from '../utils/record-form';
import { DOCUMENT_LANGUAGES } from '../utils/vocabulary';
import '@/locales/staff';

interface RecordFormProps {
  /** The record to edit, read with every language variant (`lang=all`); none to create one. */
  record?: RecordDetail;
  onCreated?: (record: RecordDetail) => void;
}

export function RecordForm({ record, onCreated }: RecordFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const formRef = useRef<HTMLFormElement>(null);
  const vocabularies = useVocabularies(language);
  const create = useCreateRecord({ onSuccess: onCreated });
  const update = useUpdateRecord(record?.id ?? '');
  const mutation = record ? update : create;
  const [authors, setAuthors] = useState<AuthorRow[]>(() =>
    record?.authors.length ? record.authors.map((author, key) => ({ key, author })) : [{ key: 0 }],
  );
  const errors = formErrors(mutation.error, t, { fields: recordFields(authors.length) });
  useFocusFirstError(formRef, mutation.error);
  const stored = storedTexts(record);
  const languages = [
    ...new Set<string>([...DOCUMENT_LANGUAGES, ...(record ? [record.language] : [])]),
  ];
  const label = (text: string, lang: (typeof EDITED_LANGUAGES)[number]) =>
    t('staff.inLanguage', { label: text, language: t(`languages.${lang}`) });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = readRecordForm(event.currentTarget, authors.length, stored);
    if (record) update.mutate(body);
    else create.mutate(body);
  }

  const addAuthor = () =>
    setAuthors((rows) => [...rows, { key: Math.max(-1, ...rows.map((r) => r.key)) + 1 }]);
  const removeAuthor = (key: number) => setAuthors((rows) => rows.filter((r) => r.key !== key));

  return (
    <form ref={formRef} className="form" onSubmit={handleSubmit}>
      <FormAlert messages={errors.general} />
      <StatusMessage>{record && update.isSuccess ? t('staff.saved') : null}</StatusMessage>
      <div className="field-row">
        <Field name="type" label={t('library.fields.type')} error={errors.fields.type}>
          {(props) => (
            // Keyed by the list's arrival so the stored value is selected once its option exists.
            <select
              {...props}
              key={vocabularies.data ? 'loaded' : 'loading'}
              required
              defaultValue={record?.type ?? 'policy_brief'}
            >
              {vocabularies.data?.types.map((term) => (
                <option key={term.code} value={term.code}>
                  {term.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="language" label={t('library.fields.language')} error={errors.fields.language}>
          {(props) => (
            <select {...props} required defaultValue={record?.language ?? language}>
              {languages.map((code) => (
                <option key={code} value={code}>
                  {languageName(code, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {(['title', 'abstract', 'keywords'] as const).map((name) => (
        <div className="translated" key={name}>
          {EDITED_LANGUAGES.map((lang) => (
            <Field
              key={lang}
              name={`${name}.${lang}`}
              label={label(t(`staff.library.fields.${name}`), lang)}
              hint={name === 'keywords' ? t('staff.library.fields.keywordsHint') : undefined}
              error={
                errors.fields[`${name}.${lang}`] ??
                (lang === 'fr' ? errors.fields[name] : undefined)
              }
            >
              {(props) =>
                name === 'abstract' ? (
                  <textarea
                    {...props}
                    lang={lang}
                    rows={5}
                    defaultValue={variantValue(stored, name, lang)}
                  />
                ) : (
                  <input
                    {...props}
                    type="text"
                    lang={lang}
                    defaultValue={variantValue(stored, name, lang)}
                  />
                )
              }
            </Field>
          ))}
        </div>
      ))}

      <fieldset className="field-group">
        <legend>{t('library.record.authors')}</legend>
        <p className="field-hint">{t('staff.library.fields.authorsHint')}</p>
        {errors.fields.authors && <p className="field-error">{errors.fields.authors}</p>}
        {authors.map((row, n) => (
          <fieldset key={row.key} className="field-group">
            <legend>{t('staff.library.fields.author', { number: n + 1 })}</legend>
            <div className="field-row">
              <Field
                name={`authors.${n}.name`}
                label={t('staff.library.fields.authorName')}
                error={errors.fields[`authors.${n}.name`]}
              >
                {(props) => (
                  <input
                    {...props}
                    type="text"
                    required
                    maxLength={300}
                    defaultValue={row.author?.name ?? ''}
                  />
                )}
              </Field>
              <Field
                name={`authors.${n}.orcid`}
                label={t('staff.library.fields.orcid')}
                error={errors.fields[`authors.${n}.orcid`]}
              >
                {(props) => (
                  <input
                    {...props}
                    type="text"
                    maxLength={60}
                    defaultValue={row.author?.orcid ?? ''}
                  />
                )}
              </Field>
              <Field
                name={`authors.${n}.expert_id`}
                label={t('staff.library.fields.expertId')}
                error={errors.fields[`authors.${n}.expert_id`]}
              >
                {(props) => (
                  <input
                    {...props}
                    type="text"
                    maxLength={36}
                    defaultValue={row.author?.expert_id ?? ''}
                  />
                )}
              </Field>
            </div>
            <p className="actions">
              <label className="facet-option">
                <input
                  type="checkbox"
                  name={`authors.${n}.organisation`}
                  defaultChecked={row.author?.organisation ?? false}
                />{' '}
                {t('staff.library.fields.organisation')}
              </label>
              <Button variant="link" className="button-link" onClick={() => removeAuthor(row.key)}>
                {t('staff.library.fields.removeAuthor', { number: n + 1 })}
              </Button>
            </p>
          </fieldset>
        ))}
        <Button variant="secondary" onClick={addAuthor}>
          {t('staff.library.fields.addAuthor')}
        </Button>
      </fieldset>

      <ChoiceGroup legend={t('library.fields.themes')} error={errors.fields.themes}>
        {vocabularies.data?.themes.map((theme) => (
          <label key={theme.code} className="facet-option">
            <input
              type="checkbox"
              name="themes"
              value={theme.code}
              defaultChecked={record?.themes.some((chosen) => chosen.code === theme.code) ?? false}
            />{' '}
            {theme.label}
          </label>
        ))}
      </ChoiceGroup>

      <div className="field-row">
        <Field name="licence" label={t('library.fields.licence')} error={errors.fields.licence}>
          {(props) => (
            <select
              {...props}
              key={vocabularies.data ? 'loaded' : 'loading'}
              defaultValue={record?.licence.id ?? 'CC-BY-4.0'}
            >
              {vocabularies.data?.licences.map((term) => (
                <option key={term.code} value={term.code}>
                  {term.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="published_on"
          label={t('library.fields.publishedOn')}
          error={errors.fields.published_on}
        >
          {(props) => <input {...props} type="date" defaultValue={record?.published_on ?? ''} />}
        </Field>
      </div>
      <div className="field-row">
        <Field
          name="publisher"
          label={t('library.fields.publisher')}
          error={errors.fields.publisher}
        >
          {(props) => <input {...props} type="text" defaultValue={record?.publisher ?? ''} />}
        </Field>
        <Field name="place" label={t('staff.library.fields.place')} error={errors.fields.place}>
          {(props) => <input {...props} type="text" defaultValue={record?.place ?? ''} />}
        </Field>
        <Field name="series" label={t('library.fields.series')} error={errors.fields.series}>
          {(props) => <input {...props} type="text" defaultValue={record?.series ?? ''} />}
        </Field>
      </div>
      <div className="field-row">
        <Field
          name="doi"
          label="DOI"
          hint={t('staff.library.fields.doiHint')}
          error={errors.fields.doi}
        >
          {(props) => <input {...props} type="text" defaultValue={record?.doi ?? ''} />}
        </Field>
        <Field name="isbn" label="ISBN" error={errors.fields.isbn}>
          {(props) => <input {...props} type="text" defaultValue={record?.isbn ?? ''} />}
        </Field>
        <Field name="url" label={t('staff.library.fields.url')} error={errors.fields.url}>
          {(props) => <input {...props} type="url" defaultValue={record?.url ?? ''} />}
        </Field>
      </div>
      <Button type="submit" busy={mutation.isPending} busyLabel={t('staff.saving')}>
        {record ? t('staff.save') : t('staff.library.create')}
      </Button>
    </form>
  );
}
