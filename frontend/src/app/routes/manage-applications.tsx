import { useTranslation } from 'react-i18next';
import { ReviewQueue } from '@/features/enrollment/components/review-queue';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/locales/manage';

// Rendered inside RequireStaff.
export default function ManageApplicationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('manage.applications.title'));
  return (
    <>
      <h1>{t('manage.applications.title')}</h1>
      <p className="lead">{t('manage.applications.intro')}</p>
      <ReviewQueue />
    </>
  );
}
