import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Names the page in the tab and for screen readers announcing the navigation. */
export function useDocumentTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.pageTitle', { title });
  }, [t, title]);
}
