import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LoadFailed } from '@/components/ui/load-failed';
import { Loading } from '@/components/ui/loading';
import { RecordWithdrawn, useRecord } from '@/features/publications/api/get-record';
import { RecordDetails } from '@/features/publications/components/record-details';
import { RecordWithdrawnNotice } from '@/features/publications/components/record-withdrawn';
import { currentLanguage } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function RecordPage() {
  const { t } = useTranslation();
  const { recordId = '' } = useParams();
  const record = useRecord(recordId, currentLanguage());
  useDocumentTitle(record.data?.title ?? t('library.record.title'));
  if (record.isPending) return <Loading />;
  if (record.error instanceof RecordWithdrawn)
    return <RecordWithdrawnNotice withdrawn={record.error} />;
  if (record.isError) return <LoadFailed error={record.error} what={t('library.record.title')} />;
  return <RecordDetails record={record.data} />;
}
