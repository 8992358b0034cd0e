// Charts drawn by hand in SVG rather than with a chart library. recharts (in the npm registry)
// weighs ~130 kB gzipped with its d3 and state dependencies, more than the rest of this page's
// chunk several times over, for what here is horizontal bars and one line: the academy's
// coordinators often work on slow or metered connections. These take a few hundred lines, load
// only with the dashboard's chunk, print, scale with the text, and draw nothing a screen reader
// needs: every chart is `aria-hidden` next to the table of its numbers (ChartFigure).
import type { ChartRow } from './chart-figure';

/** Horizontal bars, longest first as given (a ranked list reads as one). */
export function BarChart({ rows }: { rows: readonly ChartRow[] }) {
  const max = Math.max(0, ...rows.map((r) => r.value ?? 0));
  return (
    <div className="bar-chart" aria-hidden="true">
      {rows.map((row) => {
        const share = max > 0 && row.value !== null ? Math.max(0.5, (row.value / max) * 100) : 0;
        return (
          <div className="bar-row" key={row.key}>
            <span className="bar-label">{row.label}</span>
            <svg className="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
              {row.value === null ? (
                // A suppressed count: a faint full-width hatch says "some, not shown".
                <rect className="bar-hidden" x="0" y="0" width="100" height="10" />
              ) : (
                <rect className="bar-fill" x="0" y="0" width={share} height="10" />
              )}
            </svg>
            <span className="bar-value">{row.display}</span>
          </div>
        );
      })}
    </div>
  );
}

const W = 640;
const H = 220;
const PAD = { left: 44, right: 12, top: 14, bottom: 30 };

/** A line over months (or any ordered keys); a suppressed point breaks the line. */
export function LineChart({ rows }: { rows: readonly ChartRow[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  const step = rows.length > 1 ? (W - PAD.left - PAD.right) / (rows.length - 1) : 0;
  const x = (i: number) => PAD.left + (rows.length > 1 ? i * step : (W - PAD.left - PAD.right) / 2);
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  // Runs of shown points, each drawn as one polyline.
  const runs: { i: number; v: number }[][] = [[]];
  rows.forEach((row, i) => {
    if (row.value === null) runs.push([]);
    else runs[runs.length - 1].push({ i, v: row.value });
  });
  const every = Math.max(1, Math.ceil(rows.length / 8));
  return (
    <svg className="line-chart" viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
      {[0, max].map((v) => (
        <g key={v}>
          <line className="grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
          <text className="axis" x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
            {v}
          </text>
        </g>
      ))}
      {runs
        .filter((run) => run.length > 0)
        .map((run) => (
          <polyline
            key={run[0].i}
            className="line"
            points={run.map((p) => `${x(p.i)},${y(p.v)}`).join(' ')}
          />
        ))}
      {rows.map((row, i) =>
        row.value === null ? null : (
          <circle key={row.key} className="point" cx={x(i)} cy={y(row.value)} r={3.5} />
        ),
      )}
      {rows.map((row, i) =>
        i % every === 0 || i === rows.length - 1 ? (
          <text key={row.key} className="axis" x={x(i)} y={H - 8} textAnchor="middle">
            {row.label}
          </text>
        ) : null,
      )}
    </svg>
  );
}
