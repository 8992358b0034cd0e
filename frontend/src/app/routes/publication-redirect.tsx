import { Navigate, useParams } from 'react-router-dom';
import { links } from '@/config/paths';

// The publications service names a record's page `/publications/{id}` (page_url, JSON-LD, the
// experts' engagement history): those links lead to the library's page.
export default function PublicationRedirect() {
  const { recordId = '' } = useParams();
  return <Navigate to={links.record(recordId)} replace />;
}
