import { useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@/api/models';
import { Button } from '@/components/ui/button';
import { Field, FormAlert, StatusMessage, useFocusFirstError } from '@/components/ui/form';
import { isLanguage, LANGUAGES } from '@/config/languages';
import { formErrors } from '@/lib/form-errors';
import { currentLanguage, setLanguage } from '@/lib/i18n';
import { useUpdateProfile } from '../api/update-profile';

const FIELDS = ['full_name', 'position', 'preferred_language'] as const;

export function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const update = useUpdateProfile();
  const errors = formErrors(update.error, t, { fields: FIELDS });
  useFocusFirstError(formRef, update.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const language = String(data.get('preferred_language') ?? '');
    const position = String(data.get('position') ?? '').trim();
    update.mutate(
      {
        full_name: String(data.get('full_name') ?? '').trim(),
        // An emptied field clears the position rather than keeping the old one.
        position: position || null,
        preferred_language: isLanguage(language) ? language : undefined,
      },
      {
        onSuccess: (saved) => {
          // Choosing a preferred language is also choosing the language of this interface.
          const chosen = saved.preferred_language;
          if (isLanguage(chosen) && chosen !== currentLanguage()) void setLanguage(chosen);
        },
      },
    );
  }

  return (
    <form ref={formRef} className="form" onSubmit={handleSubmit}>
      <FormAlert messages={errors.general} />
      <StatusMessage>{update.isSuccess ? t('account.saved') : null}</StatusMessage>
      <Field name="full_name" label={t('fields.fullName')} error={errors.fields.full_name}>
        {(props) => (
          <input
            {...props}
            type="text"
            autoComplete="name"
            required
            maxLength={200}
            defaultValue={user.full_name}
          />
        )}
      </Field>
      <Field name="position" label={t('fields.position')} error={errors.fields.position}>
        {(props) => (
          <input
            {...props}
            type="text"
            autoComplete="organization-title"
            maxLength={200}
            defaultValue={user.position ?? ''}
          />
        )}
      </Field>
      <Field
        name="preferred_language"
        label={t('fields.preferredLanguage')}
        error={errors.fields.preferred_language}
      >
        {(props) => (
          <select {...props} defaultValue={user.preferred_language}>
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {t(`languages.${l.code}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Button type="submit" busy={update.isPending} busyLabel={t('account.saving')}>
        {t('account.save')}
      </Button>
    </form>
  );
}
