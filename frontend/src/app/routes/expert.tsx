import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LoadFailed } from '@/components/ui/load-failed';
import { Loading } from '@/components/ui/loading';
import { useExpert } from '@/features/experts/api/get-expert';
import { displayName } from '@/features/experts/components/expert-list';
import { ExpertProfile } from '@/features/experts/components/expert-profile';
import { currentLanguage } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function ExpertPage() {
  const { t } = useTranslation();
  const { expertId = '' } = useParams();
  const expert = useExpert(expertId, currentLanguage());
  useDocumentTitle(expert.data ? displayName(expert.data) : t('experts.profile.title'));
  if (expert.isPending) return <Loading />;
  if (expert.isError) return <LoadFailed error={expert.error} what={t('experts.profile.title')} />;
  return <ExpertProfile expert={expert.data} />;
}
