import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadFailed } from '@/components/ui/load-failed';
import { Loading } from '@/components/ui/loading';
import { links } from '@/config/paths';
import { useEnrollmentSession } from '@/features/enrollment/api/get-enrollment-session';
import { ApplyForm } from '@/features/enrollment/components/apply-form';
import { useUser } from '@/lib/auth';
import { currentLanguage } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/locales/enrol';

// Rendered inside RequireAuth: "Apply" takes a visitor through Log in and back here.
export default function ApplyPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const user = useUser().data;
  const session = useEnrollmentSession(sessionId, currentLanguage());
  useDocumentTitle(t('apply.title'));
  if (session.isPending || !user) return <Loading />;
  if (session.isError) return <LoadFailed error={session.error} what={t('session.title')} />;
  return (
    <div className="narrow">
      <h1>{t('apply.title')}</h1>
      <p className="lead">
        <Link to={links.session(sessionId)}>{session.data.title ?? t('apply.back')}</Link>
        {session.data.programme_title && <> — {session.data.programme_title}</>}
      </p>
      {session.data.applications_open ? (
        <ApplyForm session={session.data} user={user} />
      ) : (
        <p role="status" className="alert alert-error">
          {t('apply.closed')}
        </p>
      )}
    </div>
  );
}
