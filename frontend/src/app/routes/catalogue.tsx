import { useTranslation } from 'react-i18next';
import { CatalogueSearch } from '@/features/catalogue/components/catalogue-search';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function CataloguePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('catalogue.title'));
  return (
    <>
      <h1>{t('catalogue.title')}</h1>
      <p className="lead">{t('catalogue.intro')}</p>
      <CatalogueSearch />
    </>
  );
}
