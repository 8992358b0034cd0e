import { Navigate, useParams } from 'react-router-dom';
import { links } from '@/config/paths';

// The publications service and the experts' engagement history once named a record's page
// `/publications/{id}` (page_url, JSON-LD, citations): links given out then still lead to the
// library's page. They write `/library/{id}` now.
export default function PublicationRedirect() {
  const { recordId = '' } = useParams();
  return <Navigate to={links.record(recordId)} replace />;
}
