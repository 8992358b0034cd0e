import { useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audience, ProgrammeDetail, ProgrammeInput, ProgrammeKind } from '@/api/models';
import { Button } from '@/components/ui/button';
import { Field, FormAlert, StatusMessage, useFocusFirstError } from '@/components/ui/form';
import { formErrors } from '@/lib/form-errors';
import { currentLanguage } from '@/lib/i18n';
import { useCreateProgramme } from '../api/create-programme';
import { useThemes } from '../api/get-themes';
import { useUpdateProgramme } from '../api/update-programme';
import { integer, lines, text, textFields, variants } from '../utils/form-values';
import { AUDIENCES, isOneOf, PROGRAMME_KINDS } from '../utils/vocabulary';
import { AudienceChoice } from './audience-choice';
import { TranslatedFields } from './translated-fields';
import '@/locales/manage';

const TEXTS = [
  'title',
  'summary',
  'description',
  'objectives',
  'prerequisites',
  'duration',
  'fees',
  'scholarships',
] as const;

const FIELDS = [
  'code',
  'kind',
  'theme',
  ...TEXTS.flatMap(textFields),
  'fee_amount',
  'fee_currency',
  'audiences',
  'partner_institutions',
];

type Texts = Record<
  Exclude<(typeof TEXTS)[number], 'objectives'>,
  Record<string, string> | null
> & {
  objectives: Record<string, string[]> | null;
};

type Stored = Record<string, Record<string, unknown> | null | undefined>;

function readForm(form: HTMLFormElement, stored: Stored) {
  const data = new FormData(form);
  const kind = text(data, 'kind');
  const texts = Object.fromEntries(
    TEXTS.map((name) => [name, variants(data, name, stored[name], name === 'objectives')]),
  ) as Texts;
  return {
    code: text(data, 'code') || undefined,
    kind: (isOneOf(PROGRAMME_KINDS, kind) ? kind : 'college') as ProgrammeKind,
    theme: text(data, 'theme') || null,
    ...texts,
    fee_amount: integer(text(data, 'fee_amount')),
    fee_currency: text(data, 'fee_currency').toUpperCase() || null,
    audiences: data
      .getAll('audiences')
      .map(String)
      .filter((a) => isOneOf(AUDIENCES, a)) as Audience[],
    partner_institutions: lines(text(data, 'partner_institutions')),
  };
}

interface ProgrammeFormProps {
  /** The programme to edit, read with every language variant (`lang=all`); none to create one. */
  programme?: ProgrammeDetail;
  onCreated?: (programme: ProgrammeDetail) => void;
}

export function ProgrammeForm({ programme, onCreated }: ProgrammeFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const formRef = useRef<HTMLFormElement>(null);
  const themes = useThemes(language);
  const create = useCreateProgramme();
  const update = useUpdateProgramme(programme?.id ?? '');
  const mutation = programme ? update : create;
  const errors = formErrors(mutation.error, t, { fields: FIELDS });
  useFocusFirstError(formRef, mutation.error);
  const stored: Stored = (programme?.translations ?? {}) as Stored;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { code, ...values } = readForm(event.currentTarget, stored);
    if (programme) {
      update.mutate(values);
    } else {
      const body = { ...values, code, title: values.title ?? {} } as ProgrammeInput;
      create.mutate(body, { onSuccess: (created) => onCreated?.(created) });
    }
  }

  return (
    <form ref={formRef} className="form" onSubmit={handleSubmit}>
      <FormAlert messages={errors.general} />
      <StatusMessage>{programme && update.isSuccess ? t('manage.saved') : null}</StatusMessage>
      {!programme && (
        <Field
          name="code"
          label={t('manage.fields.code')}
          hint={t('manage.fields.codeHint')}
          error={errors.fields.code}
        >
          {(props) => <input {...props} type="text" maxLength={80} pattern="[a-z0-9][a-z0-9\-]+" />}
        </Field>
      )}
      <Field name="kind" label={t('manage.fields.kind')} error={errors.fields.kind}>
        {(props) => (
          <select {...props} required defaultValue={programme?.kind ?? 'college'}>
            {PROGRAMME_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`programmeKind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="theme" label={t('manage.fields.theme')} error={errors.fields.theme}>
        {(props) => (
          // Keyed by the themes' arrival so the stored theme is selected once its option exists.
          <select
            {...props}
            key={themes.data ? 'themes' : 'none'}
            defaultValue={programme?.theme ?? ''}
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
      <TranslatedFields
        name="title"
        label={t('manage.fields.title')}
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
      <TranslatedFields
        name="description"
        label={t('manage.fields.description')}
        stored={stored.description}
        errors={errors.fields}
        kind="text"
        maxLength={20000}
      />
      <TranslatedFields
        name="objectives"
        label={t('manage.fields.objectives')}
        hint={t('manage.fields.oneALine')}
        stored={stored.objectives}
        errors={errors.fields}
        kind="list"
      />
      <TranslatedFields
        name="prerequisites"
        label={t('manage.fields.prerequisites')}
        stored={stored.prerequisites}
        errors={errors.fields}
        kind="text"
        maxLength={4000}
      />
      <TranslatedFields
        name="duration"
        label={t('manage.fields.duration')}
        stored={stored.duration}
        errors={errors.fields}
        maxLength={300}
      />
      <TranslatedFields
        name="fees"
        label={t('manage.fields.fees')}
        stored={stored.fees}
        errors={errors.fields}
        kind="text"
        maxLength={4000}
      />
      <TranslatedFields
        name="scholarships"
        label={t('manage.fields.scholarships')}
        stored={stored.scholarships}
        errors={errors.fields}
        kind="text"
        maxLength={4000}
      />
      <div className="field-row">
        <Field
          name="fee_amount"
          label={t('manage.fields.feeAmount')}
          error={errors.fields.fee_amount}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              min={0}
              step={1}
              defaultValue={programme?.fee_amount ?? ''}
            />
          )}
        </Field>
        <Field
          name="fee_currency"
          label={t('manage.fields.feeCurrency')}
          hint={t('manage.fields.feeCurrencyHint')}
          error={errors.fields.fee_currency}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              maxLength={3}
              defaultValue={programme?.fee_currency ?? ''}
            />
          )}
        </Field>
      </div>
      <AudienceChoice chosen={programme?.audiences ?? []} error={errors.fields.audiences} />
      <Field
        name="partner_institutions"
        label={t('manage.fields.partners')}
        hint={t('manage.fields.oneALine')}
        error={errors.fields.partner_institutions}
      >
        {(props) => (
          <textarea
            {...props}
            rows={3}
            defaultValue={programme?.partner_institutions.join('\n') ?? ''}
          />
        )}
      </Field>
      <Button type="submit" busy={mutation.isPending} busyLabel={t('manage.saving')}>
        {programme ? t('manage.save') : t('manage.createProgramme')}
      </Button>
    </form>
  );
}
