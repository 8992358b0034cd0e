import { useId } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Loading } from '@/components/ui/loading';
import { currentLanguage } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { reportLinks, useReport } from '../api/get-report';
import { useDashboardTranslation } from '../i18n';
import type { ReportPart, ReportSection } from '../types';
import { filtersToParams, readFilters, type Filters } from '../utils/filters';
import { DashboardFilters } from './dashboard-filters';
import { MissingParts } from './missing-parts';
import '../dashboard.css';

const PARTS = ['enrollment', 'experts', 'publications'] as const;

/** The report's links: the gateway writes the CSV and the page to print (to PDF) itself. */
export function ReportDownloads({ filters }: { filters: Filters }) {
  const { d } = useDashboardTranslation();
  const links = reportLinks(filters, currentLanguage());
  return (
    <p className="actions report-downloads">
      <a className="button button-secondary" href={links.csv} download>
        {d('report.csv')}
      </a>{' '}
      <a className="button button-secondary" href={links.html} target="_blank" rel="noopener">
        {d('report.printable')}
      </a>
    </p>
  );
}

function Section({ section }: { section: ReportSection }) {
  const { d } = useDashboardTranslation();
  const id = useId();
  return (
    <section className="report-section card" aria-labelledby={id}>
      <h3 id={id}>{section.title}</h3>
      <p className="chart-total">{d('chart.total', { total: section.total.display })}</p>
      {section.breakdowns.map((dimension) =>
        dimension.withheld ? (
          <p key={dimension.dimension} className="muted">
            {dimension.label} : {d('chart.withheld')}
          </p>
        ) : (
          <table key={dimension.dimension} className="table">
            <caption>
              {section.title} — {dimension.label}
            </caption>
            <thead>
              <tr>
                <th scope="col">{dimension.label}</th>
                <th scope="col">{d(`unit.${section.unit}` as 'unit.people')}</th>
              </tr>
            </thead>
            <tbody>
              {dimension.rows.map((row, i) => (
                <tr key={row.key ?? `none-${i}`}>
                  <th scope="row">{row.label}</th>
                  <td>{row.count.display}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ),
      )}
    </section>
  );
}

/** The donor report for a period: aggregates only, small counts shown as "< 5" by the services. */
export function DonorReport() {
  const { d } = useDashboardTranslation();
  const language = currentLanguage();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const report = useReport(filters, language);
  const threshold = PARTS.map((p) => report.data?.parts[p]).find((p) => p?.status === 'ok');

  return (
    <div className="dashboard stack">
      <DashboardFilters filters={filters} onChange={(next) => setParams(filtersToParams(next))} />
      <ReportDownloads filters={filters} />
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <p role="alert" className="alert alert-error">
          {report.error instanceof ApiError && report.error.problem.detail
            ? d('error.withDetail', { detail: report.error.problem.detail })
            : d('error.generic')}
        </p>
      ) : (
        <div className="stack" aria-busy={report.isFetching || undefined}>
          <p className="muted">
            {d('report.suppression', {
              threshold: threshold?.status === 'ok' ? threshold.data.threshold : 5,
            })}
          </p>
          <MissingParts missing={report.data.missing} parts={report.data.parts} />
          {PARTS.map((name) => {
            const part = report.data.parts[name];
            if (part?.status !== 'ok') return null;
            return (part.data as ReportPart).sections.map((section) => (
              <Section key={`${name}-${section.id}`} section={section} />
            ));
          })}
        </div>
      )}
    </div>
  );
}
