import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useDashboardTranslation } from '../i18n';
import type { Breakdown } from '../types';
import { csvFileName, csvHref, type CsvValue } from '../utils/csv';
import { BarChart, LineChart } from './charts';

export interface ChartRow {
  /** Unique in the chart; written to the CSV as the code (a country, a status…). */
  key: string;
  label: string;
  /** null: suppressed (a small count), shown as `display`. */
  value: number | null;
  display: string;
  /** Where the row's label leads, in the table. */
  href?: string;
}

export interface ExtraColumn {
  header: string;
  /** One value per row, in the rows' order: shown in the table and written to the CSV. */
  values: readonly CsvValue[];
}

/** A service's breakdown as chart rows (`label` can be rewritten, e.g. a month's name). */
export function rowsOf(figures: Breakdown, label: (key: string, given: string) => string = (_, l) => l): ChartRow[] {
  return figures.rows.map((row, i) => ({
    key: row.key ?? `none-${i}`,
    label: label(row.key ?? '', row.label),
    value: row.count.value,
    display: row.count.display,
  }));
}

interface ChartFigureProps {
  title: string;
  /** What the labels are (the table's first column): "Country", "Status"… */
  dimension: string;
  /** What is counted (the numbers' column): "Applications", "Learners"… */
  unit: string;
  rows: readonly ChartRow[];
  kind?: 'bar' | 'line';
  /** The breakdown's total, shown under the title. */
  total?: string;
  /** The breakdown could not be shown without singling someone out: only its total is given. */
  withheld?: boolean;
  extra?: readonly ExtraColumn[];
  children?: ReactNode;
}

/**
 * A chart with its numbers: the chart is for the eyes (hidden from screen readers), the table
 * carries the same numbers for everyone (always in the page for screen readers, shown on request
 * to sighted readers), and a link downloads them as CSV.
 */
export function ChartFigure({
  title,
  dimension,
  unit,
  rows,
  kind = 'bar',
  total,
  withheld = false,
  extra = [],
  children,
}: ChartFigureProps) {
  const { d } = useDashboardTranslation();
  const ids = { title: useId(), table: useId() };
  const [shown, setShown] = useState(false);
  const csv = csvHref([
    [dimension, d('chart.code'), unit, ...extra.map((c) => c.header)],
    ...rows.map((row, i) => [
      row.label,
      row.key.startsWith('none-') ? '' : row.key,
      row.value ?? row.display,
      ...extra.map((c) => c.values[i]),
    ]),
  ]);
  return (
    <figure className="chart card" aria-labelledby={ids.title}>
      <figcaption>
        <h3 id={ids.title}>{title}</h3>
        {total !== undefined && <p className="chart-total">{d('chart.total', { total })}</p>}
      </figcaption>
      {children}
      {withheld ? (
        <p className="muted">{d('chart.withheld')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{d('chart.empty')}</p>
      ) : (
        <>
          {kind === 'line' ? <LineChart rows={rows} /> : <BarChart rows={rows} />}
          <div id={ids.table} className={shown ? 'chart-table' : 'visually-hidden'}>
            <table className="table">
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{dimension}</th>
                  <th scope="col">{unit}</th>
                  {extra.map((column) => (
                    <th scope="col" key={column.header}>
                      {column.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={row.key}>
                    <th scope="row">{row.href ? <Link to={row.href}>{row.label}</Link> : row.label}</th>
                    <td>{row.display}</td>
                    {extra.map((column) => (
                      <td key={column.header}>{column.values[i] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="chart-actions">
            <button
              type="button"
              className="button button-link"
              aria-expanded={shown}
              aria-controls={ids.table}
              onClick={() => setShown((s) => !s)}
            >
              {shown ? d('chart.hideTable') : d('chart.showTable')}
            </button>
            {/* Named after its chart: a page holds many of these links. */}
            <a href={csv} download={csvFileName(title)} aria-label={`${d('chart.csv')} (${title})`}>
              {d('chart.csv')}
            </a>
          </p>
        </>
      )}
    </figure>
  );
}
