import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { links, paths } from '@/config/paths';
import { SessionForm } from '@/features/catalogue/components/session-form';
import { ExpertPicker } from '@/features/experts/components/expert-picker';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/locales/manage';

export default function ManageNewSessionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  useDocumentTitle(t('manage.newSession'));
  return (
    <div className="narrow-wide">
      <p>
        <Link to={paths.manage}>{t('manage.back')}</Link>
      </p>
      <h1>{t('manage.newSession')}</h1>
      <p>{t('manage.startsAsDraft')}</p>
      <SessionForm
        programmeId={params.get('programme') ?? ''}
        onCreated={(session) => navigate(links.manageSession(session.id))}
        trainerField={(props) => <ExpertPicker {...props} />}
      />
    </div>
  );
}
