import { useTranslation } from 'react-i18next';
import { LibrarySearch } from '@/features/publications/components/library-search';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function LibraryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('library.title'));
  return (
    <>
      <h1>{t('library.title')}</h1>
      <p className="lead">{t('library.intro')}</p>
      <LibrarySearch />
    </>
  );
}
