import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/lib/use-document-title';

// Placeholder until the catalogue feature lands.
export default function CataloguePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('catalogue.title'));
  return (
    <>
      <h1>{t('catalogue.title')}</h1>
      <p className="placeholder">{t('catalogue.placeholder')}</p>
    </>
  );
}
