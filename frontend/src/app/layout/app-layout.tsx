import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { isStaff, useUser } from '@/lib/auth';
import { LanguageSwitch } from './language-switch';

/** Whether a path is one of the catalogue management pages. */
export function managesCatalogue(pathname: string): boolean {
  return pathname === paths.manage || /^\/manage\/(programmes|sessions)(\/|$)/.test(pathname);
}

function MainNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useUser();
  const { pathname } = useLocation();
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul>
        <li>
          <NavLink to={paths.home} end>
            {t('nav.home')}
          </NavLink>
        </li>
        <li>
          <NavLink to={paths.catalogue}>{t('nav.catalogue')}</NavLink>
        </li>
        <li>
          <NavLink to={paths.experts}>{t('nav.experts')}</NavLink>
        </li>
        <li>
          <NavLink to={paths.library}>{t('nav.library')}</NavLink>
        </li>
        <li>
          <NavLink to={paths.partners}>{t('nav.partners')}</NavLink>
        </li>
        {isStaff(user.data) && (
          <li>
            <NavLink to={paths.manageDashboard}>{t('nav.dashboard')}</NavLink>
          </li>
        )}
        {isStaff(user.data) && (
          <li>
            {/* Not a NavLink: every staff page lives under /manage, and only the catalogue's
                own pages (programmes, sessions and their rosters) are "Manage the catalogue". */}
            <Link to={paths.manage} aria-current={managesCatalogue(pathname) ? 'page' : undefined}>
              {t('nav.manage')}
            </Link>
          </li>
        )}
        {isStaff(user.data) && (
          <>
            <li>
              <NavLink to={paths.manageExperts}>{t('nav.manageExperts')}</NavLink>
            </li>
            <li>
              <NavLink to={paths.manageApplications}>{t('nav.manageApplications')}</NavLink>
            </li>
            <li>
              <NavLink to={paths.manageLibrary}>{t('nav.manageLibrary')}</NavLink>
            </li>
          </>
        )}
        {user.data?.roles.includes('expert') && (
          <li>
            <NavLink to={paths.myExpertProfile}>{t('nav.myExpertProfile')}</NavLink>
          </li>
        )}
        {/* Until the session is known, offer neither side rather than flash the wrong one. */}
        {user.isSuccess && user.data && (
          <>
            <li>
              <NavLink to={paths.myApplications}>{t('nav.mySpace')}</NavLink>
            </li>
            <li>
              <NotificationBell />
            </li>
            <li>
              <NavLink to={paths.account}>{t('nav.account')}</NavLink>
            </li>
            <li>
              <button type="button" className="nav-button" onClick={() => navigate(paths.logout)}>
                {t('nav.logout')}
              </button>
            </li>
          </>
        )}
        {!user.isPending && !user.data && (
          <>
            <li>
              <NavLink to={paths.login}>{t('nav.login')}</NavLink>
            </li>
            <li>
              <NavLink to={paths.register}>{t('nav.register')}</NavLink>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);

  // A client-side navigation does not move focus by itself: put it at the start of the new
  // content so keyboard and screen-reader users are not left on the link they followed.
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to={paths.home} className="brand">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </Link>
          <MainNav />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="container site-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('footer.about')}</p>
        </div>
      </footer>
    </>
  );
}
