import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadFailed } from '@/components/ui/load-failed';
import { Loading } from '@/components/ui/loading';
import { links, paths } from '@/config/paths';
import { useRecord } from '@/features/publications/api/get-record';
import { FileManager } from '@/features/publications/components/file-manager';
import { RecordActions } from '@/features/publications/components/record-actions';
import { RecordForm } from '@/features/publications/components/record-form';
import { currentLanguage } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/locales/staff';

// Rendered inside RequireStaff: staff read drafts and withdrawn records too.
export default function ManageRecordPage() {
  const { t } = useTranslation();
  const { recordId = '' } = useParams();
  const record = useRecord(recordId, currentLanguage(), true);
  useDocumentTitle(t('staff.library.editRecord'));
  if (record.isPending) return <Loading />;
  if (record.isError) return <LoadFailed error={record.error} what={t('library.record.title')} />;
  const data = record.data;
  return (
    <div className="narrow-wide">
      <p>
        <Link to={paths.manageLibrary}>{t('staff.library.back')}</Link>
      </p>
      <h1>{data.title || t('staff.library.untitled')}</h1>
      {data.status === 'published' && (
        <p>
          <Link to={links.record(data.id)}>{t('staff.publicPage')}</Link>
        </p>
      )}
      <div className="stack">
        <RecordActions record={data} />
        <FileManager record={data} />
        <section className="card" aria-labelledby="record-edit">
          <h2 id="record-edit">{t('staff.library.editRecord')}</h2>
          {data.status === 'withdrawn' ? (
            <p>{t('staff.library.notEditable')}</p>
          ) : (
            <RecordForm record={data} />
          )}
        </section>
      </div>
    </div>
  );
}
