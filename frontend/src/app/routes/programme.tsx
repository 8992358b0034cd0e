import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LoadFailed } from '@/components/ui/load-failed';
import { Loading } from '@/components/ui/loading';
import { useProgramme } from '@/features/catalogue/api/get-programme';
import { ProgrammeDetails } from '@/features/catalogue/components/programme-details';
import { currentLanguage } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function ProgrammePage() {
  const { t } = useTranslation();
  const { idOrCode = '' } = useParams();
  const programme = useProgramme(idOrCode, currentLanguage());
  useDocumentTitle(programme.data?.title ?? t('programme.title'));
  if (programme.isPending) return <Loading />;
  if (programme.isError) return <LoadFailed error={programme.error} what={t('programme.title')} />;
  return <ProgrammeDetails programme={programme.data} />;
}
