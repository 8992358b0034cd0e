import { useId, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryMode, Module, ModuleInput } from '@/api/models';
import { Button } from '@/components/ui/button';
import { Field, FormAlert, StatusMessage, useFocusFirstError } from '@/components/ui/form';
import { Loading } from '@/components/ui/loading';
import { formErrors } from '@/lib/form-errors';
import { currentLanguage } from '@/lib/i18n';
import { useCreateModule } from '../api/create-module';
import { useDeleteModule } from '../api/delete-module';
import { useModules } from '../api/get-modules';
import { useUpdateModule } from '../api/update-module';
import { integer, text, textFields, variants } from '../utils/form-values';
import { DELIVERY_MODES, isOneOf } from '../utils/vocabulary';
import { TranslatedFields } from './translated-fields';
import '@/locales/manage';

const FIELDS = [
  ...textFields('title'),
  ...textFields('summary'),
  'hours',
  'delivery_mode',
  'position',
];

type Stored = Record<string, Record<string, unknown> | null>;

function readForm(form: HTMLFormElement, stored: Stored): ModuleInput {
  const data = new FormData(form);
  const mode = text(data, 'delivery_mode');
  return {
    title: variants<string>(data, 'title', stored.title) ?? {},
    summary: variants<string>(data, 'summary', stored.summary),
    hours: integer(text(data, 'hours')),
    delivery_mode: (isOneOf(DELIVERY_MODES, mode) ? mode : 'residential_seminar') as DeliveryMode,
    position: integer(text(data, 'position')),
  };
}

interface ModuleFormProps {
  programmeId: string;
  module?: Module;
}

function ModuleForm({ programmeId, module }: ModuleFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateModule(programmeId);
  const update = useUpdateModule(programmeId, module?.id ?? '');
  const mutation = module ? update : create;
  const errors = formErrors(mutation.error, t, { fields: FIELDS });
  useFocusFirstError(formRef, mutation.error);
  const stored = (module?.translations ?? {}) as Stored;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = readForm(form, stored);
    if (module) update.mutate(body);
    else create.mutate(body, { onSuccess: () => form.reset() });
  }

  return (
    <form ref={formRef} className="form" onSubmit={handleSubmit}>
      <FormAlert messages={errors.general} />
      <StatusMessage>
        {mutation.isSuccess ? t(module ? 'manage.saved' : 'manage.moduleAdded') : null}
      </StatusMessage>
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
      <div className="field-row">
        <Field
          name="delivery_mode"
          label={t('manage.fields.deliveryMode')}
          error={errors.fields.delivery_mode}
        >
          {(props) => (
            <select
              {...props}
              required
              defaultValue={module?.delivery_mode ?? 'residential_seminar'}
            >
              {DELIVERY_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`deliveryMode.${mode}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="hours" label={t('manage.fields.hours')} error={errors.fields.hours}>
          {(props) => (
            <input {...props} type="number" min={1} step={1} defaultValue={module?.hours ?? ''} />
          )}
        </Field>
        <Field
          name="position"
          label={t('manage.fields.position')}
          hint={t('manage.fields.positionHint')}
          error={errors.fields.position}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              step={1}
              defaultValue={module?.position ?? ''}
            />
          )}
        </Field>
      </div>
      <Button type="submit" busy={mutation.isPending} busyLabel={t('manage.saving')}>
        {module ? t('manage.save') : t('manage.addModule')}
      </Button>
    </form>
  );
}

function DeleteModule({ programmeId, module }: { programmeId: string; module: Module }) {
  const { t } = useTranslation();
  const remove = useDeleteModule(programmeId, module.id);
  const errors = formErrors(remove.error, t, { fields: [] });
  return (
    <>
      <FormAlert messages={errors.general} />
      <Button
        variant="secondary"
        busy={remove.isPending}
        busyLabel={t('manage.working')}
        onClick={() => remove.mutate()}
      >
        {t('manage.deleteModule')}
      </Button>
    </>
  );
}

/** A programme's modules in order, each editable, and a form to add one. */
export function ModuleEditor({
  programmeId,
  editable,
}: {
  programmeId: string;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const modules = useModules(programmeId, currentLanguage(), true);
  const items = [...(modules.data?.items ?? [])].sort((a, b) => a.position - b.position);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('manage.modules')}</h2>
      {modules.isPending && <Loading />}
      {modules.data && items.length === 0 && <p>{t('manage.noModules')}</p>}
      {items.length > 0 && (
        <ol className="module-list">
          {items.map((module) => (
            <li key={module.id}>
              <details>
                <summary>
                  {module.title}
                  {module.hours ? ` · ${t('programme.hours', { count: module.hours })}` : ''}
                  {` · ${t(`deliveryMode.${module.delivery_mode}`)}`}
                </summary>
                {editable && (
                  <>
                    <ModuleForm programmeId={programmeId} module={module} />
                    <DeleteModule programmeId={programmeId} module={module} />
                  </>
                )}
              </details>
            </li>
          ))}
        </ol>
      )}
      {editable ? (
        <details>
          <summary>{t('manage.addModule')}</summary>
          <ModuleForm programmeId={programmeId} />
        </details>
      ) : (
        <p className="muted">{t('manage.archivedNoEdit')}</p>
      )}
    </section>
  );
}
