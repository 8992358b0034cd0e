import { Link, useParams } from 'react-router-dom';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import { useOrganisation } from '@/features/account/api/get-organisation';
import { PartnerActivities, PartnerFigures, useSeesPartnerFigures } from '@/features/dashboard/components/partners';
import { useDashboardTranslation } from '@/features/dashboard/i18n';
import { countryName } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function PartnerPage() {
  const { d } = useDashboardTranslation();
  const language = currentLanguage();
  const { organisationId = '' } = useParams();
  const organisation = useOrganisation(organisationId);
  const seesFigures = useSeesPartnerFigures(organisationId);
  const partner = organisation.data?.is_partner ? organisation.data : null;
  useDocumentTitle(partner?.name ?? d('partners.title'));

  if (organisation.isPending) return <Loading />;
  if (!partner)
    return (
      <>
        <h1>{d('partners.notFound')}</h1>
        <p>
          <Link to={paths.partners}>{d('partners.back')}</Link>
        </p>
      </>
    );
  return (
    <>
      <p>
        <Link to={paths.partners}>{d('partners.back')}</Link>
      </p>
      <h1>{partner.name}</h1>
      <p className="lead">
        {d(`partners.kind.${partner.kind}`)} · {countryName(partner.country, language)}
      </p>
      <div className="stack">
        {seesFigures && <PartnerFigures partner={partner} />}
        <PartnerActivities partner={partner} />
      </div>
    </>
  );
}
