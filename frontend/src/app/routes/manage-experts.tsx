import { useTranslation } from 'react-i18next';
import { VettingQueue } from '@/features/experts/components/vetting-queue';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/locales/staff';

// Rendered inside RequireStaff.
export default function ManageExpertsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('staff.experts.title'));
  return (
    <div className="narrow-wide">
      <h1>{t('staff.experts.title')}</h1>
      <p className="lead">{t('staff.experts.intro')}</p>
      <p>
        {/* A plain link: the browser downloads it with the session cookie (coordinators only). */}
        <a href="/api/experts/experts/export.csv" download="alga-experts.csv">
          {t('staff.experts.export')}
        </a>
      </p>
      <VettingQueue />
    </div>
  );
}
