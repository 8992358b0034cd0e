import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '@/config/paths';
import { ExpertDirectory } from '@/features/experts/components/expert-directory';
import { useUser } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function ExpertsPage() {
  const { t } = useTranslation();
  const user = useUser().data;
  useDocumentTitle(t('experts.title'));
  return (
    <>
      <h1>{t('experts.title')}</h1>
      <p className="lead">{t('experts.intro')}</p>
      <p>
        {user?.roles.includes('expert') ? (
          <Link to={paths.myExpertProfile}>{t('experts.join.seeMine')}</Link>
        ) : (
          <Link to={paths.joinExperts}>{t('experts.join.cta')}</Link>
        )}
      </p>
      <ExpertDirectory />
    </>
  );
}
