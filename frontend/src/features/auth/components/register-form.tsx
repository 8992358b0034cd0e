import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Gender, RegisterInput } from '@/api/models';
import { Button } from '@/components/ui/button';
import { Field, FormAlert, useFocusFirstError } from '@/components/ui/form';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES } from '@/config/languages';
import { useRegister } from '@/lib/auth';
import { formErrors } from '@/lib/form-errors';
import { currentLanguage } from '@/lib/i18n';
import { useCountries } from '../api/get-countries';
import { useOrganisations } from '../api/get-organisations';

const FIELDS = [
  'full_name',
  'email',
  'password',
  'country',
  'organisation_id',
  'position',
  'preferred_language',
  'gender',
] as const;

const GENDERS: Gender[] = ['female', 'male', 'other', 'undisclosed'];

function readForm(form: HTMLFormElement): RegisterInput {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const language = text('preferred_language');
  return {
    email: text('email'),
    // Passwords are taken as typed: spaces may be part of them.
    password: String(data.get('password') ?? ''),
    full_name: text('full_name'),
    country: text('country'),
    organisation_id: text('organisation_id') || undefined,
    position: text('position') || undefined,
    preferred_language: isLanguage(language) ? language : DEFAULT_LANGUAGE,
    gender: (text('gender') || undefined) as Gender | undefined,
  };
}

export function RegisterForm({ onSuccess }: { onSuccess: (email: string) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const formRef = useRef<HTMLFormElement>(null);
  const [country, setCountry] = useState('');
  const countries = useCountries(language);
  const organisations = useOrganisations(country);
  const register = useRegister();
  const errors = formErrors(register.error, t, {
    fields: FIELDS,
    statusMessages: { 409: t('register.conflict') },
  });
  useFocusFirstError(formRef, register.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = readForm(event.currentTarget);
    register.mutate(body, { onSuccess: () => onSuccess(body.email) });
  }

  const organisationItems = organisations.data?.items ?? [];

  return (
    <form ref={formRef} className="form" onSubmit={handleSubmit}>
      <FormAlert messages={errors.general} />
      <Field name="full_name" label={t('fields.fullName')} error={errors.fields.full_name}>
        {(props) => <input {...props} type="text" autoComplete="name" required maxLength={200} />}
      </Field>
      <Field name="email" label={t('fields.email')} error={errors.fields.email}>
        {(props) => <input {...props} type="email" autoComplete="email" required />}
      </Field>
      <Field
        name="password"
        label={t('fields.password')}
        hint={t('fields.passwordHint')}
        error={errors.fields.password}
      >
        {(props) => (
          <input {...props} type="password" autoComplete="new-password" required minLength={10} />
        )}
      </Field>
      <Field
        name="country"
        label={t('fields.country')}
        error={errors.fields.country ?? (countries.isError ? t('errors.countries') : undefined)}
      >
        {(props) => (
          <select
            {...props}
            required
            value={country}
            onChange={(e) => setCountry(e.target.value)}
            autoComplete="country"
          >
            <option value="">{t('fields.countryPlaceholder')}</option>
            {countries.data?.items.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {organisationItems.length > 0 && (
        <Field
          name="organisation_id"
          label={t('fields.organisation')}
          error={errors.fields.organisation_id}
        >
          {(props) => (
            <select {...props} key={country} defaultValue="">
              <option value="">{t('fields.organisationNone')}</option>
              {organisationItems.map((o) => (
                <option key={o.id} value={o.id}>
                  {`${o.name} (${t(`organisationKind.${o.kind}`)})`}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field name="position" label={t('fields.position')} error={errors.fields.position}>
        {(props) => (
          <input {...props} type="text" autoComplete="organization-title" maxLength={200} />
        )}
      </Field>
      <Field
        name="preferred_language"
        label={t('fields.preferredLanguage')}
        error={errors.fields.preferred_language}
      >
        {(props) => (
          <select {...props} defaultValue={language}>
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {t(`languages.${l.code}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="gender" label={t('fields.gender')} error={errors.fields.gender}>
        {(props) => (
          <select {...props} defaultValue="">
            <option value="">{t('gender.unset')}</option>
            {GENDERS.map((g) => (
              <option key={g} value={g}>
                {t(`gender.${g}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Button type="submit" busy={register.isPending} busyLabel={t('register.submitting')}>
        {t('register.submit')}
      </Button>
    </form>
  );
}
