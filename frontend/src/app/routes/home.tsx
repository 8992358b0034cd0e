import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '@/config/paths';
import {
  ProgrammesOverview,
  UpcomingSessions,
} from '@/features/catalogue/components/home-catalogue';
import { SearchBox } from '@/features/catalogue/components/search-box';
import { useUser } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  useDocumentTitle(t('nav.home'));
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
        <SearchBox />
        <p className="actions">
          {user.data ? (
            <Link className="button button-primary" to={paths.account}>
              {t('home.cta.account')}
            </Link>
          ) : (
            <Link className="button button-primary" to={paths.register}>
              {t('home.cta.register')}
            </Link>
          )}
          <Link className="button button-secondary" to={paths.catalogue}>
            {t('home.cta.catalogue')}
          </Link>
        </p>
      </section>
      <ProgrammesOverview />
      <UpcomingSessions />
    </>
  );
}
