import { useTranslation } from 'react-i18next';
import { MyExpertProfile } from '@/features/experts/components/my-expert-profile';
import { useDocumentTitle } from '@/lib/use-document-title';

// Rendered inside RequireAuth.
export default function MyExpertProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('experts.mine.title'));
  return (
    <div className="narrow-wide">
      <h1>{t('experts.mine.title')}</h1>
      <MyExpertProfile />
    </div>
  );
}
