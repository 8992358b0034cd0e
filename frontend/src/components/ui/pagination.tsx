import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

interface PaginationProps {
  page: number;
  total: number;
  size: number;
  /** The address of another page of the same results. */
  href: (page: number) => string;
}

export function Pagination({ page, total, size, href }: PaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('listing.pages')} className="pagination">
      {page > 1 && (
        <Link to={href(page - 1)} rel="prev">
          {t('listing.previous')}
        </Link>
      )}
      <span>{t('listing.page', { page, pages })}</span>
      {page < pages && (
        <Link to={href(page + 1)} rel="next">
          {t('listing.next')}
        </Link>
      )}
    </nav>
  );
}
