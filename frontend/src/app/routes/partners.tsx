import { PartnerList } from '@/features/dashboard/components/partners';
import { useDashboardTranslation } from '@/features/dashboard/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function PartnersPage() {
  const { d } = useDashboardTranslation();
  useDocumentTitle(d('partners.title'));
  return (
    <>
      <h1>{d('partners.title')}</h1>
      <p className="lead">{d('partners.intro')}</p>
      <PartnerList />
    </>
  );
}
