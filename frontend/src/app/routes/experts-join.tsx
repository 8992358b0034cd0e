import { useTranslation } from 'react-i18next';
import { JoinCommunity } from '@/features/experts/components/join-community';
import { useDocumentTitle } from '@/lib/use-document-title';

// Rendered inside RequireAuth: applying is for a signed-in person (one profile per account).
export default function JoinExpertsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('experts.join.title'));
  return (
    <div className="narrow-wide">
      <h1>{t('experts.join.title')}</h1>
      <p className="lead">{t('experts.join.intro')}</p>
      <JoinCommunity />
    </div>
  );
}
