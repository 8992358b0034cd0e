import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/form';
import { links } from '@/config/paths';
import { text } from '@/lib/form-data';

/** Type a certificate's code (printed under its QR code) to check it. */
export function CertificateCodeForm({ code = '' }: { code?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = text(new FormData(event.currentTarget), 'code');
    if (typed) navigate(links.certificate(typed));
  }
  return (
    <form className="form" onSubmit={handleSubmit} role="search">
      <Field name="code" label={t('certificate.codeLabel')}>
        {(props) => <input {...props} key={code} type="text" required defaultValue={code} autoComplete="off" />}
      </Field>
      <Button type="submit">{t('certificate.check')}</Button>
    </form>
  );
}
