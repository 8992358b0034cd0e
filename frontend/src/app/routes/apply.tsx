import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { links, paths } from '@/config/paths';
import { useDocumentTitle } from '@/lib/use-document-title';

// A placeholder: the enrollment pages replace this route with the application form. It already
// sits behind RequireAuth, so "Apply" takes a visitor through Log in and back here.
export default function ApplyPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  useDocumentTitle(t('apply.title'));
  return (
    <div className="narrow">
      <h1>{t('apply.title')}</h1>
      <p>{t('apply.soon')}</p>
      <p className="actions">
        <Link className="button button-secondary" to={links.session(sessionId)}>
          {t('apply.back')}
        </Link>
        <Link className="button button-secondary" to={paths.catalogue}>
          {t('apply.catalogue')}
        </Link>
      </p>
    </div>
  );
}
