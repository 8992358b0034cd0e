import { useTranslation } from 'react-i18next';
import { ManageProgrammes, ManageSessions } from '@/features/catalogue/components/manage-lists';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/locales/manage';

// Rendered inside RequireStaff.
export default function ManagePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('manage.title'));
  return (
    <>
      <h1>{t('manage.title')}</h1>
      <p className="lead">{t('manage.intro')}</p>
      <div className="stack">
        <ManageProgrammes />
        <ManageSessions />
      </div>
    </>
  );
}
