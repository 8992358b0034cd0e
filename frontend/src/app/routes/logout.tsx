import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '@/config/paths';
import { useLogout, useUser } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function LogoutPage() {
  const { t } = useTranslation();
  const user = useUser();
  const logout = useLogout();
  const started = useRef(false);
  useDocumentTitle(t('logout.title'));

  // Arriving here is the request to log out (from the header button or a bookmark); the ref
  // keeps React's development double-mount from sending it twice.
  useEffect(() => {
    if (started.current || !user.data) return;
    started.current = true;
    logout.mutate();
  }, [user.data, logout]);

  const done = !logout.isPending && !user.isPending && !user.data;
  return (
    <div className="narrow">
      <h1>{t('logout.title')}</h1>
      <p role="status">{done ? t('logout.done') : t('logout.pending')}</p>
      {done && (
        <p className="actions">
          <Link className="button button-secondary" to={paths.home}>
            {t('logout.home')}
          </Link>
          <Link className="button button-secondary" to={paths.login}>
            {t('logout.login')}
          </Link>
        </p>
      )}
    </div>
  );
}
