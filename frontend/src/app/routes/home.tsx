import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '@/config/paths';
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
      <div className="cards">
        <section className="card" aria-labelledby="home-master">
          <h2 id="home-master">{t('home.master.title')}</h2>
          <p>{t('home.master.text')}</p>
          {/* The cohorts list comes with the catalogue service. */}
          <p className="placeholder">{t('home.master.placeholder')}</p>
        </section>
        <section className="card" aria-labelledby="home-colleges">
          <h2 id="home-colleges">{t('home.colleges.title')}</h2>
          <p>{t('home.colleges.text')}</p>
          <p className="placeholder">{t('home.colleges.placeholder')}</p>
        </section>
      </div>
    </>
  );
}
