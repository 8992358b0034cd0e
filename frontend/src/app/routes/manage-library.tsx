import { useTranslation } from 'react-i18next';
import { ManageRecords } from '@/features/publications/components/manage-records';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/locales/staff';

// Rendered inside RequireStaff.
export default function ManageLibraryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('staff.library.title'));
  return (
    <>
      <h1>{t('staff.library.title')}</h1>
      <p className="lead">{t('staff.library.intro')}</p>
      <ManageRecords />
    </>
  );
}
