import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { links, paths } from '@/config/paths';
import { RecordForm } from '@/features/publications/components/record-form';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/locales/staff';

// Rendered inside RequireStaff.
export default function ManageNewRecordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('staff.library.newRecord'));
  return (
    <div className="narrow-wide">
      <p>
        <Link to={paths.manageLibrary}>{t('staff.library.back')}</Link>
      </p>
      <h1>{t('staff.library.newRecord')}</h1>
      <p className="lead">{t('staff.library.startsAsDraft')}</p>
      <RecordForm onCreated={(record) => navigate(links.manageRecord(record.id))} />
    </div>
  );
}
