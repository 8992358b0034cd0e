import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { paths } from '@/config/paths';
import { SessionRoster } from '@/features/enrollment/components/session-roster';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/locales/enrol';
import '@/locales/manage';

// Rendered inside RequireStaff.
export default function ManageRosterPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  useDocumentTitle(t('manage.roster.title'));
  return (
    <>
      <p>
        <Link to={`${paths.manageApplications}?session=${encodeURIComponent(sessionId)}`}>
          {t('manage.roster.back')}
        </Link>
      </p>
      <h1>{t('manage.roster.title')}</h1>
      <SessionRoster sessionId={sessionId} />
    </>
  );
}
