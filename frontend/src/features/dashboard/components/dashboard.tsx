import { useSearchParams } from 'react-router-dom';
import { Loading } from '@/components/ui/loading';
import { currentLanguage } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { useOverview } from '../api/get-overview';
import { useDashboardTranslation } from '../i18n';
import { filtersToParams, readFilters, type Filters } from '../utils/filters';
import { DashboardFilters } from './dashboard-filters';
import { MissingParts } from './missing-parts';
import {
  AccountsFigures,
  ApplicationsFigures,
  CatalogueFigures,
  ExpertsFigures,
  HeldFigures,
  PartSection,
  PublicationsFigures,
  TrainedFigures,
  UpcomingFigures,
} from './sections';
import { WorkQueues } from './work-queues';
import '../dashboard.css';

/** The coordinators' dashboard: the filters in the address, the gateway's composed overview. */
export function Dashboard() {
  const { d } = useDashboardTranslation();
  const language = currentLanguage();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const overview = useOverview(filters, language);
  const apply = (next: Filters) => setParams(filtersToParams(next));

  return (
    <div className="dashboard stack">
      <DashboardFilters filters={filters} onChange={apply} />
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <p role="alert" className="alert alert-error">
          {overview.error instanceof ApiError && overview.error.problem.detail
            ? d('error.withDetail', { detail: overview.error.problem.detail })
            : d('error.generic')}
        </p>
      ) : (
        <div className="stack" aria-busy={overview.isFetching || undefined}>
          <MissingParts missing={overview.data.missing} parts={overview.data.parts} />
          <section className="dashboard-section" aria-labelledby="dashboard-queues">
            <h2 id="dashboard-queues">{d('queues.title')}</h2>
            <WorkQueues overview={overview.data} filters={filters} />
          </section>
          <PartSection title={d('applications.title')} service="enrollment" part={overview.data.parts.enrollment}>
            {(data) => <ApplicationsFigures data={data} />}
          </PartSection>
          <PartSection title={d('upcoming.title')} service="enrollment" part={overview.data.parts.enrollment}>
            {(data) => <UpcomingFigures data={data} staff />}
          </PartSection>
          <PartSection title={d('trained.title')} service="enrollment" part={overview.data.parts.enrollment}>
            {(data) => <TrainedFigures data={data} />}
          </PartSection>
          <PartSection title={d('held.title')} service="enrollment" part={overview.data.parts.enrollment}>
            {(data) => <HeldFigures data={data} />}
          </PartSection>
          <PartSection title={d('publications.title')} service="publications" part={overview.data.parts.publications}>
            {(data) => <PublicationsFigures data={data} staff />}
          </PartSection>
          <PartSection title={d('experts.title')} service="experts" part={overview.data.parts.experts}>
            {(data) => <ExpertsFigures data={data} />}
          </PartSection>
          <PartSection title={d('catalogue.title')} service="catalogue" part={overview.data.parts.catalogue}>
            {(data) => <CatalogueFigures data={data} />}
          </PartSection>
          <PartSection title={d('accounts.title')} service="identity" part={overview.data.parts.identity}>
            {(data) => <AccountsFigures data={data} />}
          </PartSection>
        </div>
      )}
    </div>
  );
}
