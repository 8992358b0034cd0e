import { Link } from 'react-router-dom';
import { paths } from '@/config/paths';
import { DonorReport } from '@/features/dashboard/components/donor-report';
import { useDashboardTranslation } from '@/features/dashboard/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

// Rendered inside RequireStaff.
export default function ManageReportPage() {
  const { d } = useDashboardTranslation();
  useDocumentTitle(d('report.title'));
  return (
    <>
      <h1>{d('report.title')}</h1>
      <p className="lead">{d('report.intro')}</p>
      <p>
        <Link to={paths.manageDashboard}>{d('report.back')}</Link>
      </p>
      <DonorReport />
    </>
  );
}
