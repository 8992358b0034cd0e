import { useTranslation } from 'react-i18next';
import type { EndorserInput } from '@/api/models';
import { Field } from '@/components/ui/form';
import { optional, text } from '@/lib/form-data';

/** The request-body names of the endorser's fields (and `endorser` itself, when it is missing). */
export const ENDORSER_FIELDS = [
  'endorser',
  'endorser.name',
  'endorser.email',
  'endorser.organisation',
  'endorser.role',
] as const;

export function readEndorser(data: FormData): EndorserInput {
  return {
    name: text(data, 'endorser.name'),
    email: text(data, 'endorser.email'),
    organisation: optional(data, 'endorser.organisation'),
    role: optional(data, 'endorser.role'),
  };
}

/**
 * Who endorses the application (the learner's employer or national association), for programmes
 * that require it: they receive a single-use link to this one application by e-mail.
 */
export function EndorserFields({
  errors,
  defaults,
}: {
  errors: Record<string, string>;
  defaults?: Partial<EndorserInput> | null;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice-group">
      <legend>{t('enrol.endorser.legend')}</legend>
      <p className="field-hint">{t('enrol.endorser.hint')}</p>
      {errors.endorser && <p className="field-error">{errors.endorser}</p>}
      <Field name="endorser.name" label={t('enrol.endorser.name')} error={errors['endorser.name']}>
        {(props) => (
          <input {...props} type="text" required maxLength={200} defaultValue={defaults?.name ?? ''} />
        )}
      </Field>
      <Field name="endorser.email" label={t('enrol.endorser.email')} error={errors['endorser.email']}>
        {(props) => (
          <input {...props} type="email" required maxLength={320} defaultValue={defaults?.email ?? ''} />
        )}
      </Field>
      <Field
        name="endorser.organisation"
        label={t('enrol.endorser.organisation')}
        error={errors['endorser.organisation']}
      >
        {(props) => (
          <input {...props} type="text" maxLength={300} defaultValue={defaults?.organisation ?? ''} />
        )}
      </Field>
      <Field name="endorser.role" label={t('enrol.endorser.role')} error={errors['endorser.role']}>
        {(props) => <input {...props} type="text" maxLength={300} defaultValue={defaults?.role ?? ''} />}
      </Field>
    </fieldset>
  );
}
