import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadFailed } from '@/components/ui/load-failed';
import { Loading } from '@/components/ui/loading';
import { links, paths } from '@/config/paths';
import { useSession } from '@/features/catalogue/api/get-session';
import { SessionActions } from '@/features/catalogue/components/session-actions';
import { SessionForm } from '@/features/catalogue/components/session-form';
import { ExpertPicker } from '@/features/experts/components/expert-picker';
import { currentLanguage } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/locales/manage';

const EDITABLE = ['draft', 'published', 'applications_open', 'applications_closed'];

export default function ManageSessionPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const session = useSession(sessionId, currentLanguage(), true);
  useDocumentTitle(t('manage.editSession'));
  if (session.isPending) return <Loading />;
  if (session.isError) return <LoadFailed error={session.error} what={t('session.title')} />;
  const data = session.data;
  return (
    <div className="narrow-wide">
      <p>
        <Link to={paths.manage}>{t('manage.back')}</Link>
      </p>
      <h1>{data.title}</h1>
      <p className="actions">
        {data.status !== 'draft' && (
          <Link to={links.session(data.id)}>{t('manage.publicPage')}</Link>
        )}
        {data.programme_id && (
          <Link to={links.manageProgramme(data.programme_id)}>{t('manage.programmeLink')}</Link>
        )}
      </p>
      <div className="stack">
        <SessionActions session={data} />
        <section className="card" aria-labelledby="session-edit">
          <h2 id="session-edit">{t('manage.editSession')}</h2>
          {EDITABLE.includes(data.status) ? (
            <SessionForm session={data} trainerField={(props) => <ExpertPicker {...props} />} />
          ) : (
            <p>{t('manage.notEditable')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
