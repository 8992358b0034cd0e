import { useId, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { links } from '@/config/paths';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useDashboardTranslation } from '../i18n';
import type {
  Breakdown,
  CatalogueOverview,
  EnrollmentOverview,
  ExpertsOverview,
  IdentityOverview,
  Part,
  PublicationsOverview,
  ServiceName,
} from '../types';
import { monthSeries } from '../utils/filters';
import { ChartFigure, rowsOf } from './chart-figure';
import { PartMissing } from './missing-parts';

/** A section of the dashboard from one service's part; when that part is missing, says so. */
export function PartSection<T>({
  title,
  service,
  part,
  children,
}: {
  title: string;
  service: ServiceName;
  part: Part<T> | undefined;
  children: (data: T) => ReactNode;
}) {
  const id = useId();
  return (
    <section className="dashboard-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {part?.status === 'ok' ? children(part.data) : <PartMissing service={service} part={part} />}
    </section>
  );
}

function monthName(key: string, language: string): string {
  const [year, month] = key.split('-').map(Number);
  if (!year || !month) return key;
  return new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

function percent(rate: number | null | undefined, language: string): string {
  return rate === null || rate === undefined
    ? '–'
    : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** A breakdown by month as a line, the months without a row put back as zeros. */
export function MonthFigure({ title, unit, figures }: { title: string; unit: string; figures: Breakdown }) {
  const { d } = useDashboardTranslation();
  const language = currentLanguage();
  const rows = monthSeries(figures.rows, (key) => ({
    key,
    label: key,
    count: { value: 0, suppressed: false, display: '0' },
  }));
  return (
    <ChartFigure
      kind="line"
      title={title}
      dimension={d('dimension.month')}
      unit={unit}
      total={figures.total.display}
      withheld={figures.withheld}
      rows={rowsOf({ ...figures, rows }, (key) => monthName(key, language))}
    />
  );
}

export function BreakdownFigure({
  title,
  dimension,
  unit,
  figures,
}: {
  title: string;
  dimension: string;
  unit: string;
  figures: Breakdown;
}) {
  return (
    <ChartFigure
      title={title}
      dimension={dimension}
      unit={unit}
      total={figures.total.display}
      withheld={figures.withheld}
      rows={rowsOf(figures)}
    />
  );
}

export function ApplicationsFigures({ data }: { data: EnrollmentOverview }) {
  const { d } = useDashboardTranslation();
  return (
    <div className="charts">
      <BreakdownFigure
        title={d('applications.byStatus')}
        dimension={d('dimension.status')}
        unit={d('unit.applications')}
        figures={data.applications_by_status}
      />
      <MonthFigure title={d('applications.byMonth')} unit={d('unit.applications')} figures={data.applications_by_month} />
    </div>
  );
}

export function UpcomingFigures({ data, staff }: { data: EnrollmentOverview; staff: boolean }) {
  const { d } = useDashboardTranslation();
  const language = currentLanguage();
  const upcoming = data.upcoming;
  const rows = upcoming.sessions.map((s) => ({
    key: s.session_id,
    label: s.title,
    value: s.fill_rate === null ? null : Math.round(s.fill_rate * 100),
    display: s.fill_rate === null ? s.seats_taken.display : percent(s.fill_rate, language),
    href: staff ? links.manageRoster(s.session_id) : links.session(s.session_id),
  }));
  return (
    <>
      <dl className="facts dashboard-facts">
        <div>
          <dt>{d('upcoming.fillRate')}</dt>
          <dd>{percent(upcoming.fill_rate, language)}</dd>
        </div>
        <div>
          <dt>{d('upcoming.seats')}</dt>
          <dd>{d('upcoming.seatsOf', { taken: upcoming.seats_taken.total.display, capacity: upcoming.capacity })}</dd>
        </div>
        <div>
          <dt>{d('upcoming.waitlisted')}</dt>
          <dd>{upcoming.waitlisted.total.display}</dd>
        </div>
      </dl>
      <ChartFigure
        title={d('upcoming.bySession')}
        dimension={d('dimension.session')}
        unit={d('unit.fillRate')}
        rows={rows}
        extra={[
          {
            header: d('upcoming.starts'),
            values: upcoming.sessions.map((s) => (s.starts_at ? formatDate(s.starts_at, language) : '')),
          },
          { header: d('upcoming.capacity'), values: upcoming.sessions.map((s) => s.capacity) },
          { header: d('upcoming.taken'), values: upcoming.sessions.map((s) => s.seats_taken.display) },
          { header: d('upcoming.waitlist'), values: upcoming.sessions.map((s) => s.waitlisted.display) },
        ]}
      />
    </>
  );
}

export function TrainedFigures({ data }: { data: EnrollmentOverview }) {
  const { d } = useDashboardTranslation();
  const trained = data.learners_trained;
  const unit = d('unit.participants');
  return (
    <>
      <dl className="facts dashboard-facts">
        <div>
          <dt>{d('trained.participations')}</dt>
          <dd>{trained.by_country.total.display}</dd>
        </div>
        <div>
          <dt>{d('trained.people')}</dt>
          <dd>{trained.people.display}</dd>
        </div>
      </dl>
      <div className="charts">
        {/* Countries ranked, most first: the list stands in for a map. */}
        <BreakdownFigure title={d('trained.byCountry')} dimension={d('dimension.country')} unit={unit} figures={trained.by_country} />
        <BreakdownFigure title={d('trained.byGender')} dimension={d('dimension.gender')} unit={unit} figures={trained.by_gender} />
        <BreakdownFigure title={d('trained.byPosition')} dimension={d('dimension.position')} unit={unit} figures={trained.by_position} />
        <BreakdownFigure title={d('trained.byProgramme')} dimension={d('dimension.programme')} unit={unit} figures={trained.by_programme} />
        <MonthFigure title={d('trained.byMonth')} unit={unit} figures={trained.by_month} />
      </div>
    </>
  );
}

export function HeldFigures({ data }: { data: EnrollmentOverview }) {
  const { d } = useDashboardTranslation();
  const unit = d('unit.sessions');
  return (
    <div className="charts">
      <BreakdownFigure title={d('held.byMode')} dimension={d('dimension.mode')} unit={unit} figures={data.sessions_held.by_mode} />
      <BreakdownFigure title={d('held.byCountry')} dimension={d('dimension.venue')} unit={unit} figures={data.sessions_held.by_country} />
    </div>
  );
}

export function ExpertsFigures({ data }: { data: ExpertsOverview }) {
  const { d } = useDashboardTranslation();
  return (
    <div className="charts">
      <BreakdownFigure title={d('experts.byStatus')} dimension={d('dimension.status')} unit={d('unit.experts')} figures={data.experts_by_status} />
      <BreakdownFigure
        title={d('experts.mobilisedByCountry')}
        dimension={d('dimension.country')}
        unit={d('unit.experts')}
        figures={data.mobilised.experts_by_country}
      />
      <BreakdownFigure
        title={d('experts.byTheme')}
        dimension={d('dimension.theme')}
        unit={d('unit.engagements')}
        figures={data.mobilised.engagements_by_theme}
      />
    </div>
  );
}

export function PublicationsFigures({ data, staff }: { data: PublicationsOverview; staff: boolean }) {
  const { d } = useDashboardTranslation();
  const language = currentLanguage();
  const recent = data.downloads.recent;
  return (
    <>
      <dl className="facts dashboard-facts">
        <div>
          <dt>{d('publications.downloadsTotal')}</dt>
          <dd>{data.downloads.total.display}</dd>
        </div>
        <div>
          <dt>{d('publications.downloadsInPeriod')}</dt>
          <dd>{data.downloads.in_period.total.display}</dd>
        </div>
      </dl>
      <ChartFigure
        title={d('publications.recent')}
        dimension={d('dimension.publication')}
        unit={d('unit.downloads')}
        rows={recent.map((r) => ({
          key: r.record_id,
          label: r.title,
          value: r.downloads.value,
          display: r.downloads.display,
          href: staff ? links.manageRecord(r.record_id) : links.record(r.record_id),
        }))}
        extra={[
          { header: d('publications.publishedOn'), values: recent.map((r) => (r.published_on ? formatDate(r.published_on, language) : '')) },
          { header: d('publications.inPeriod'), values: recent.map((r) => r.downloads_in_period.display) },
        ]}
      />
      <div className="charts">
        <BreakdownFigure title={d('publications.issuedByType')} dimension={d('dimension.type')} unit={d('unit.publications')} figures={data.issued.by_type} />
        <BreakdownFigure
          title={d('publications.downloadsByType')}
          dimension={d('dimension.type')}
          unit={d('unit.downloads')}
          figures={data.downloads.in_period}
        />
      </div>
    </>
  );
}

export function CatalogueFigures({ data }: { data: CatalogueOverview }) {
  const { d } = useDashboardTranslation();
  return (
    <div className="charts">
      <BreakdownFigure title={d('catalogue.sessionsByStatus')} dimension={d('dimension.status')} unit={d('unit.sessions')} figures={data.sessions_by_status} />
      <BreakdownFigure title={d('catalogue.upcomingByMode')} dimension={d('dimension.mode')} unit={d('unit.sessions')} figures={data.upcoming.by_mode} />
    </div>
  );
}

export function AccountsFigures({ data }: { data: IdentityOverview }) {
  const { d } = useDashboardTranslation();
  return (
    <>
      <dl className="facts dashboard-facts">
        <div>
          <dt>{d('accounts.active')}</dt>
          <dd>{data.users.by_role.total.display}</dd>
        </div>
        <div>
          <dt>{d('accounts.registrations')}</dt>
          <dd>{data.registrations.by_role.total.display}</dd>
        </div>
        <div>
          <dt>{d('accounts.partners')}</dt>
          <dd>
            <Link to={links.partners()}>{data.partners.display}</Link>{' '}
            {d('accounts.withoutFocalPoint', { count: data.partners_without_focal_point.value ?? 0 })}
          </dd>
        </div>
      </dl>
      <div className="charts">
        <BreakdownFigure
          title={d('accounts.registrationsByCountry')}
          dimension={d('dimension.country')}
          unit={d('unit.accounts')}
          figures={data.registrations.by_country}
        />
      </div>
    </>
  );
}
