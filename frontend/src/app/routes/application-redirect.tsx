import { Navigate, useParams } from 'react-router-dom';
import { paths } from '@/config/paths';

// Notifications link an application as `/applications/{id}`: its card in My space shows it.
export default function ApplicationRedirect() {
  const { applicationId = '' } = useParams();
  return <Navigate replace to={`${paths.myApplications}#application-${encodeURIComponent(applicationId)}`} />;
}
