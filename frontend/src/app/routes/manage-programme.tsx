import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadFailed } from '@/components/ui/load-failed';
import { Loading } from '@/components/ui/loading';
import { links, paths } from '@/config/paths';
import { useProgramme } from '@/features/catalogue/api/get-programme';
import { ModuleEditor } from '@/features/catalogue/components/module-editor';
import { ProgrammeActions } from '@/features/catalogue/components/programme-actions';
import { ProgrammeForm } from '@/features/catalogue/components/programme-form';
import { currentLanguage } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/locales/manage';

export default function ManageProgrammePage() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  const programme = useProgramme(programmeId, currentLanguage(), true);
  useDocumentTitle(t('manage.editProgramme'));
  if (programme.isPending) return <Loading />;
  if (programme.isError) return <LoadFailed error={programme.error} what={t('programme.title')} />;
  const data = programme.data;
  return (
    <div className="narrow-wide">
      <p>
        <Link to={paths.manage}>{t('manage.back')}</Link>
      </p>
      <h1>{data.title}</h1>
      <p className="actions">
        {data.status !== 'draft' && (
          <Link to={links.programme(data.id)}>{t('manage.publicPage')}</Link>
        )}
        {data.status !== 'archived' && (
          <Link to={links.manageNewSession(data.id)}>{t('manage.newSessionOf')}</Link>
        )}
      </p>
      <div className="stack">
        <ProgrammeActions programme={data} />
        <section className="card" aria-labelledby="programme-edit">
          <h2 id="programme-edit">{t('manage.editProgramme')}</h2>
          <ProgrammeForm programme={data} />
        </section>
        <ModuleEditor programmeId={data.id} editable={data.status !== 'archived'} />
      </div>
    </div>
  );
}
