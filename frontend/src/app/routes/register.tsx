import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { paths } from '@/config/paths';
import { RegisterForm } from '@/features/auth/components/register-form';
import { useDocumentTitle } from '@/lib/use-document-title';

export interface RegisteredState {
  registeredEmail: string;
}

export default function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('register.title'));
  return (
    <div className="narrow">
      <h1>{t('register.title')}</h1>
      <p>{t('register.intro')}</p>
      <RegisterForm
        onSuccess={(email) =>
          navigate(paths.login, { state: { registeredEmail: email } satisfies RegisteredState })
        }
      />
      <p>
        {t('register.haveAccount')} <Link to={paths.login}>{t('register.loginLink')}</Link>
      </p>
    </div>
  );
}
