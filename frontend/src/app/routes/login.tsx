import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { StatusMessage } from '@/components/ui/form';
import { paths } from '@/config/paths';
import { LoginForm } from '@/features/auth/components/login-form';
import { safeRedirect } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import type { RegisteredState } from './register';

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const registered = (useLocation().state as RegisteredState | null)?.registeredEmail;
  useDocumentTitle(t('login.title'));
  return (
    <div className="narrow">
      <h1>{t('login.title')}</h1>
      <StatusMessage>{registered ? t('login.registered') : null}</StatusMessage>
      <LoginForm
        defaultEmail={registered}
        onSuccess={() =>
          navigate(safeRedirect(params.get('redirect'), paths.account), { replace: true })
        }
      />
      <p>
        {t('login.noAccount')} <Link to={paths.register}>{t('login.registerLink')}</Link>
      </p>
    </div>
  );
}
