import { useTranslation } from 'react-i18next';
import { MyApplications } from '@/features/enrollment/components/my-applications';
import { MyCertificates } from '@/features/enrollment/components/my-certificates';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/locales/enrol';

// Rendered inside RequireAuth.
export default function MyApplicationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('mySpace.title'));
  return (
    <>
      <h1>{t('mySpace.title')}</h1>
      <section aria-labelledby="my-applications">
        <h2 id="my-applications">{t('mySpace.applications')}</h2>
        <MyApplications />
      </section>
      <section aria-labelledby="my-certificates">
        <h2 id="my-certificates">{t('mySpace.certificates')}</h2>
        <MyCertificates />
      </section>
    </>
  );
}
