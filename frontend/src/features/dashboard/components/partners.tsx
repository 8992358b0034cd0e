import { useId, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Organisation } from '@/api/models';
import { Loading } from '@/components/ui/loading';
import { links } from '@/config/paths';
import { SessionList } from '@/features/catalogue/components/session-summary';
import { RecordList } from '@/features/publications/components/record-list';
import { isStaff, useUser } from '@/lib/auth';
import { countryName } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { usePartnerActivities, usePartners } from '../api/get-partners';
import { useOverview } from '../api/get-overview';
import { useDashboardTranslation } from '../i18n';
import { ReportDownloads } from './donor-report';
import { MissingParts } from './missing-parts';
import { ApplicationsFigures, ExpertsFigures, PartSection, PublicationsFigures, TrainedFigures, UpcomingFigures } from './sections';
import '../dashboard.css';

/** The partner institutions of the framework agreement (public). */
export function PartnerList() {
  const { d } = useDashboardTranslation();
  const language = currentLanguage();
  const partners = usePartners();
  if (partners.isPending) return <Loading />;
  if (partners.isError)
    return (
      <p role="alert" className="alert alert-error">
        {d('error.generic')}
      </p>
    );
  if (partners.data.items.length === 0) return <p>{d('partners.none')}</p>;
  return (
    <ul className="results partner-list">
      {partners.data.items.map((partner) => (
        <li key={partner.id} className="result">
          <h2 className="result-title">
            <Link to={links.partner(partner.id)}>{partner.name}</Link>
          </h2>
          <p className="result-kind">
            {d(`partners.kind.${partner.kind}`)} · {countryName(partner.country, language)}
          </p>
        </li>
      ))}
    </ul>
  );
}

function Activity({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{count === undefined ? title : `${title} (${count})`}</h2>
      {children}
    </section>
  );
}

/** What a partner takes part in: programmes, sessions, events and publications. */
export function PartnerActivities({ partner }: { partner: Organisation }) {
  const { d } = useDashboardTranslation();
  const language = currentLanguage();
  const { programmes, sessions, events, records } = usePartnerActivities(partner.id, language);
  const empty = <p className="muted">{d('partners.nothing')}</p>;
  const failed = (
    <p role="alert" className="alert alert-error">
      {d('error.generic')}
    </p>
  );
  return (
    <div className="stack">
      <Activity title={d('partners.programmes')} count={programmes.data?.total}>
        {programmes.isPending ? (
          <Loading />
        ) : programmes.isError ? (
          failed
        ) : programmes.data.items.length === 0 ? (
          empty
        ) : (
          <ul className="plain">
            {programmes.data.items.map((p) => (
              <li key={p.id}>
                <Link to={links.programme(p.code)}>{p.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </Activity>
      <Activity title={d('partners.sessions')} count={sessions.data?.total}>
        {sessions.isPending ? <Loading /> : sessions.isError ? failed : sessions.data.items.length === 0 ? empty : <SessionList sessions={sessions.data.items} />}
      </Activity>
      <Activity title={d('partners.events')} count={events.data?.total}>
        {events.isPending ? <Loading /> : events.isError ? failed : events.data.items.length === 0 ? empty : <SessionList sessions={events.data.items} />}
      </Activity>
      <Activity title={d('partners.publications')} count={records.data?.total}>
        {records.isPending ? <Loading /> : records.isError ? failed : records.data.items.length === 0 ? empty : <RecordList records={records.data.items} />}
      </Activity>
    </div>
  );
}

/**
 * The figures of the partner's activities, for its focal point (and staff). The services limit
 * every figure to the partner's programmes, sessions and records and suppress small counts for a
 * focal point (docs/decisions/0007); the gateway checks the token's `focal_point_of` claim.
 */
export function PartnerFigures({ partner }: { partner: Organisation }) {
  const { d } = useDashboardTranslation();
  const language = currentLanguage();
  const filters = { partner: partner.id };
  const overview = useOverview(filters, language);
  const id = useId();
  return (
    <section className="stack partner-figures" aria-labelledby={id}>
      <h2 id={id}>{d('partners.figures')}</h2>
      <p className="lead">{d('partners.figuresIntro')}</p>
      <ReportDownloads filters={filters} />
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <p role="alert" className="alert alert-error">
          {d('error.generic')}
        </p>
      ) : (
        <>
          <MissingParts missing={overview.data.missing} parts={overview.data.parts} />
          <PartSection title={d('trained.title')} service="enrollment" part={overview.data.parts.enrollment}>
            {(data) => <TrainedFigures data={data} />}
          </PartSection>
          <PartSection title={d('applications.title')} service="enrollment" part={overview.data.parts.enrollment}>
            {(data) => <ApplicationsFigures data={data} />}
          </PartSection>
          <PartSection title={d('upcoming.title')} service="enrollment" part={overview.data.parts.enrollment}>
            {(data) => <UpcomingFigures data={data} staff={false} />}
          </PartSection>
          <PartSection title={d('experts.title')} service="experts" part={overview.data.parts.experts}>
            {(data) => <ExpertsFigures data={data} />}
          </PartSection>
          <PartSection title={d('publications.title')} service="publications" part={overview.data.parts.publications}>
            {(data) => <PublicationsFigures data={data} staff={false} />}
          </PartSection>
        </>
      )}
    </section>
  );
}

/** Whether the signed-in user may see this partner's figures: its focal point, or staff. */
export function useSeesPartnerFigures(partnerId: string): boolean {
  const user = useUser();
  return Boolean(user.data && (isStaff(user.data) || user.data.focal_point_of.includes(partnerId)));
}
