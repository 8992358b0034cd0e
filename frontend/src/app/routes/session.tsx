import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LoadFailed } from '@/components/ui/load-failed';
import { Loading } from '@/components/ui/loading';
import { useSession } from '@/features/catalogue/api/get-session';
import { SessionDetails } from '@/features/catalogue/components/session-details';
import { TrainerList } from '@/features/experts/components/trainer-list';
import { currentLanguage } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function SessionPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const session = useSession(sessionId, currentLanguage());
  useDocumentTitle(session.data?.title ?? t('session.title'));
  if (session.isPending) return <Loading />;
  if (session.isError) return <LoadFailed error={session.error} what={t('session.title')} />;
  return (
    <SessionDetails
      session={session.data}
      trainers={<TrainerList trainers={session.data.trainers} />}
    />
  );
}
