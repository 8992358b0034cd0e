import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/problem';

/** A page whose content could not be loaded: not found (404) or unavailable (anything else). */
export function LoadFailed({ error, what }: { error: unknown; what: string }) {
  const { t } = useTranslation();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div className="narrow">
      <h1>{notFound ? t('loadFailed.notFound', { what }) : t('loadFailed.title')}</h1>
      <p role="alert">{notFound ? t('loadFailed.notFoundText') : t('errors.network')}</p>
      <p>
        <Link to={paths.catalogue}>{t('loadFailed.catalogue')}</Link>
      </p>
    </div>
  );
}
