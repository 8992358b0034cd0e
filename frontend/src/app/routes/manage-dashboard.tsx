import { Link } from 'react-router-dom';
import { paths } from '@/config/paths';
import { Dashboard } from '@/features/dashboard/components/dashboard';
import { useDashboardTranslation } from '@/features/dashboard/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

// Rendered inside RequireStaff.
export default function ManageDashboardPage() {
  const { d } = useDashboardTranslation();
  useDocumentTitle(d('title'));
  return (
    <>
      <h1>{d('title')}</h1>
      <p className="lead">{d('intro')}</p>
      <p className="actions">
        <Link to={paths.manageReport}>{d('report.link')}</Link> · <Link to={paths.partners}>{d('partners.link')}</Link>
      </p>
      <Dashboard />
    </>
  );
}
