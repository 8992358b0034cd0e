import { useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { Field, FormAlert, useFocusFirstError } from '@/components/ui/form';
import { useLogin } from '@/lib/auth';
import { formErrors } from '@/lib/form-errors';

const FIELDS = ['email', 'password'] as const;

interface LoginFormProps {
  defaultEmail?: string;
  onSuccess: () => void;
}

export function LoginForm({ defaultEmail, onSuccess }: LoginFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const login = useLogin();
  const errors = formErrors(login.error, t, {
    fields: FIELDS,
    // The API words it in English; the same words must never tell which of the two was wrong.
    statusMessages: { 401: t('login.invalid') },
  });
  useFocusFirstError(formRef, login.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    login.mutate(
      { email: String(data.get('email') ?? '').trim(), password: String(data.get('password') ?? '') },
      { onSuccess },
    );
  }

  return (
    <form ref={formRef} className="form" onSubmit={handleSubmit}>
      <FormAlert messages={errors.general} />
      <Field name="email" label={t('fields.email')} error={errors.fields.email}>
        {(props) => (
          <input
            {...props}
            type="email"
            autoComplete="username"
            required
            defaultValue={defaultEmail}
          />
        )}
      </Field>
      <Field name="password" label={t('fields.password')} error={errors.fields.password}>
        {(props) => <input {...props} type="password" autoComplete="current-password" required />}
      </Field>
      <Button type="submit" busy={login.isPending} busyLabel={t('login.submitting')}>
        {t('login.submit')}
      </Button>
    </form>
  );
}
