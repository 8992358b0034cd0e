import { useId, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpertProfile } from '@/api/models';
import { Button } from '@/components/ui/button';
import { ChoiceGroup } from '@/components/ui/choice-group';
import { Field, FormAlert, StatusMessage, useFocusFirstError } from '@/components/ui/form';
import { useUser } from '@/lib/auth';
import { formErrors } from '@/lib/form-errors';
import { countryName, languageName } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useApply } from '../api/apply';
import { useCountries } from '../api/get-countries';
import { useThemes } from '../api/get-themes';
import { useUpdateMyProfile } from '../api/update-my-profile';
import {
  BIO_LANGUAGES,
  languageRows,
  levelOf,
  linkLine,
  PROFILE_FIELDS,
  readProfileForm,
} from '../utils/profile-form';
import { AVAILABILITIES, LANGUAGE_LEVELS } from '../utils/vocabulary';

// Intl names languages in lower case in French ("français"); a label starts with a capital.
const capitalised = (name: string) => name.charAt(0).toLocaleUpperCase() + name.slice(1);

interface ProfileFormProps {
  /** The expert's own profile to edit; none to apply to join. */
  profile?: ExpertProfile;
  onApplied?: (profile: ExpertProfile) => void;
}

/** Joining the community, and later editing one's own profile: the same fields. */
export function ProfileForm({ profile, onApplied }: ProfileFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const user = useUser().data;
  const formRef = useRef<HTMLFormElement>(null);
  const consentHint = useId();
  const countries = useCountries(language);
  const themes = useThemes(language);
  const apply = useApply({ onSuccess: onApplied });
  const update = useUpdateMyProfile();
  const mutation = profile ? update : apply;
  const errors = formErrors(mutation.error, t, {
    fields: PROFILE_FIELDS,
    statusMessages: {
      409: profile ? t('experts.form.notEditable') : t('experts.form.alreadyApplied'),
    },
  });
  useFocusFirstError(formRef, mutation.error);
  const rows = languageRows(profile);

  const country = profile?.country ?? user?.country ?? '';
  const countryItems = countries.data?.items ?? [];
  // A residence outside the list (the list is Africa's 54 countries) stays selectable.
  const workCountries = profile?.work_countries.map((c) => c.code) ?? [];
  const countryOptions = [
    ...countryItems,
    ...[...new Set([country, ...workCountries])]
      .filter((code) => code && !countryItems.some((c) => c.code === code))
      .map((code) => ({ code, name: countryName(code, language) })),
  ];
  const chosenThemes = profile?.themes.map((theme) => theme.code) ?? [];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = readProfileForm(event.currentTarget, rows, profile);
    if (profile) update.mutate(body);
    else apply.mutate(body);
  }

  return (
    <form ref={formRef} className="form" onSubmit={handleSubmit}>
      <FormAlert messages={errors.general} />
      <StatusMessage>{profile && update.isSuccess ? t('experts.form.saved') : null}</StatusMessage>
      <fieldset className="field-group">
        <legend>{t('experts.form.identity')}</legend>
        <div className="field-row">
          <Field
            name="title"
            label={t('experts.form.title')}
            hint={t('experts.form.titleHint')}
            error={errors.fields.title}
          >
            {(props) => (
              <input {...props} type="text" maxLength={60} defaultValue={profile?.title ?? ''} />
            )}
          </Field>
          <Field
            name="full_name"
            label={t('experts.form.fullName')}
            error={errors.fields.full_name}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                autoComplete="name"
                required
                minLength={2}
                maxLength={200}
                defaultValue={profile?.full_name ?? user?.full_name ?? ''}
              />
            )}
          </Field>
        </div>
        <div className="field-row">
          <Field name="position" label={t('experts.form.position')} error={errors.fields.position}>
            {(props) => (
              <input
                {...props}
                type="text"
                autoComplete="organization-title"
                maxLength={200}
                defaultValue={profile?.position ?? user?.position ?? ''}
              />
            )}
          </Field>
          <Field
            name="organisation"
            label={t('experts.form.organisation')}
            error={errors.fields.organisation}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                autoComplete="organization"
                maxLength={300}
                defaultValue={profile?.organisation ?? ''}
              />
            )}
          </Field>
        </div>
        <Field
          name="country"
          label={t('experts.form.country')}
          error={errors.fields.country ?? (countries.isError ? t('errors.countries') : undefined)}
        >
          {(props) => (
            // Keyed by the list's arrival so the stored country is selected once its option exists.
            <select
              {...props}
              key={countries.data ? 'loaded' : 'loading'}
              required
              defaultValue={country}
            >
              <option value="">{t('fields.countryPlaceholder')}</option>
              {countryOptions.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="work_countries"
          label={t('experts.form.workCountries')}
          hint={t('experts.form.workCountriesHint')}
          error={errors.fields.work_countries}
        >
          {(props) => (
            <select
              {...props}
              key={countries.data ? 'loaded' : 'loading'}
              multiple
              size={6}
              defaultValue={workCountries}
            >
              {countryOptions.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <ChoiceGroup
        legend={t('experts.form.themes')}
        hint={t('experts.form.themesHint')}
        error={errors.fields.themes}
      >
        {themes.isError && <p className="field-error">{t('experts.form.themesUnavailable')}</p>}
        {themes.data?.items.map((theme) => (
          <label key={theme.code} className="facet-option">
            <input
              type="checkbox"
              name="themes"
              value={theme.code}
              defaultChecked={chosenThemes.includes(theme.code)}
            />{' '}
            {theme.title}
          </label>
        ))}
      </ChoiceGroup>

      <ChoiceGroup
        legend={t('experts.form.languages')}
        hint={t('experts.form.languagesHint')}
        error={errors.fields.languages}
      >
        <div className="field-row">
          {rows.map((tag) => (
            <Field key={tag} name={`level.${tag}`} label={capitalised(languageName(tag, language))}>
              {(props) => (
                <select {...props} defaultValue={levelOf(profile, tag)}>
                  <option value="">{t('experts.form.noLevel')}</option>
                  {LANGUAGE_LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {t(`experts.level.${level}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ))}
        </div>
      </ChoiceGroup>

      <Field
        name="keywords"
        label={t('experts.form.keywords')}
        hint={t('experts.form.keywordsHint')}
        error={errors.fields.keywords}
      >
        {(props) => (
          <input {...props} type="text" defaultValue={profile?.keywords.join(', ') ?? ''} />
        )}
      </Field>
      <div className="translated">
        {BIO_LANGUAGES.map((lang) => (
          <Field
            key={lang}
            name={`bio.${lang}`}
            label={t('experts.form.bio', { language: t(`languages.${lang}`) })}
            error={errors.fields[`bio.${lang}`] ?? (lang === 'fr' ? errors.fields.bio : undefined)}
          >
            {(props) => (
              <textarea
                {...props}
                lang={lang}
                rows={5}
                maxLength={5000}
                defaultValue={profile?.bio_translations[lang] ?? ''}
              />
            )}
          </Field>
        ))}
      </div>
      <div className="field-row">
        <Field
          name="orcid"
          label={t('experts.form.orcid')}
          hint={t('experts.form.orcidHint')}
          error={errors.fields.orcid}
        >
          {(props) => (
            <input {...props} type="text" maxLength={60} defaultValue={profile?.orcid ?? ''} />
          )}
        </Field>
        <Field
          name="years_of_experience"
          label={t('experts.form.experience')}
          error={errors.fields.years_of_experience}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              min={0}
              max={70}
              step={1}
              defaultValue={profile?.years_of_experience ?? ''}
            />
          )}
        </Field>
      </div>
      <Field
        name="links"
        label={t('experts.form.links')}
        hint={t('experts.form.linksHint')}
        error={errors.fields.links}
      >
        {(props) => (
          <textarea
            {...props}
            rows={3}
            defaultValue={profile?.links.map(linkLine).join('\n') ?? ''}
          />
        )}
      </Field>

      <fieldset className="field-group">
        <legend>{t('experts.form.availabilityGroup')}</legend>
        <div className="field-row">
          <Field
            name="availability"
            label={t('experts.form.availability')}
            error={errors.fields.availability}
          >
            {(props) => (
              <select {...props} defaultValue={profile?.availability ?? 'available'}>
                {AVAILABILITIES.map((value) => (
                  <option key={value} value={value}>
                    {t(`experts.availability.${value}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name="available_from"
            label={t('experts.form.availableFrom')}
            error={errors.fields.available_from}
          >
            {(props) => (
              <input {...props} type="date" defaultValue={profile?.available_from ?? ''} />
            )}
          </Field>
          <Field
            name="available_until"
            label={t('experts.form.availableUntil')}
            error={errors.fields.available_until}
          >
            {(props) => (
              <input {...props} type="date" defaultValue={profile?.available_until ?? ''} />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="field-group">
        <legend>{t('experts.form.contact')}</legend>
        <p className="field-hint">{t('experts.form.contactHint')}</p>
        <div className="field-row">
          <Field name="email" label={t('experts.form.email')} error={errors.fields.email}>
            {(props) => (
              <input
                {...props}
                type="email"
                autoComplete="email"
                defaultValue={profile?.email ?? user?.email ?? ''}
              />
            )}
          </Field>
          <Field name="phone" label={t('experts.form.phone')} error={errors.fields.phone}>
            {(props) => (
              <input
                {...props}
                type="tel"
                autoComplete="tel"
                maxLength={40}
                defaultValue={profile?.phone ?? ''}
              />
            )}
          </Field>
        </div>
      </fieldset>

      {/* Not a .field: its full-width input style is for text inputs, not a checkbox. */}
      <div>
        <label className="facet-option">
          <input
            type="checkbox"
            name="public_listing_consent"
            defaultChecked={profile?.public_listing_consent ?? false}
            aria-describedby={consentHint}
          />{' '}
          {t('experts.form.consent')}
        </label>
        <p id={consentHint} className="field-hint">
          {t('experts.form.consentHint')}
        </p>
        {errors.fields.public_listing_consent && (
          <p className="field-error">{errors.fields.public_listing_consent}</p>
        )}
      </div>

      <Button type="submit" busy={mutation.isPending} busyLabel={t('experts.form.sending')}>
        {profile ? t('experts.form.save') : t('experts.form.submit')}
      </Button>
    </form>
  );
}
