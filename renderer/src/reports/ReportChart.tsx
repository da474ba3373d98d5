/**
 * A report chart on screen as plain SVG (no charting library, nothing the strict CSP would refuse):
 * grouped bars or lines, the same value axis, colours and value labels as the vector chart in the
 * PDF (shared/domain/report-format.ts). Each bar or point carries its value as a tooltip, and the
 * figure has a text summary for screen readers.
 */
import type { Chart } from '../../../shared/api/report-schemas';
import { chartAxisText, chartScale, chartValueText, seriesColor } from '../../../shared/domain/report-format';

const W = 480;
const PLOT_TOP = 18;
const PLOT_H = 160;
const AXIS_W = 48;
const RIGHT = 8;
const LABEL_LINE = 13;
const FONT_PX = 6.2; // average width of a character of the 11 px label font

/** Splits a category label into at most `lines` lines that fit `width` pixels; cut text ends in "…". */
export function wrapLabel(text: string, width: number, lines: number): string[] {
  const max = Math.max(3, Math.floor(width / FONT_PX));
  const out: string[] = [];
  let line = '';
  let cut = false;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line === '' || next.length <= max) {
      line = next;
      continue;
    }
    out.push(line);
    line = word;
    if (out.length === lines) {
      cut = true;
      break;
    }
  }
  if (!cut && line) out.push(line);
  return out.map((l, i) => {
    const last = i === out.length - 1;
    if (l.length > max) return `${l.slice(0, max - 1)}…`;
    if (last && cut) return l.length < max ? `${l}…` : `${l.slice(0, max - 1)}…`;
    return l;
  });
}

function summary(chart: Chart): string {
  if (chart.categories.length === 0) return `${chart.title}: tidak ada data.`;
  const parts = chart.categories.map((c, i) => {
    const values = chart.series.map((s) => (chart.series.length > 1 ? `${s.label} ${chartValueText(chart, s.values[i] ?? null)}` : chartValueText(chart, s.values[i] ?? null)));
    return `${c}: ${values.join(', ')}`;
  });
  return `${chart.title}. ${parts.join('; ')}.`;
}

export function ReportChart({ chart }: { chart: Chart }) {
  const n = chart.categories.length;
  const plotX = AXIS_W;
  const plotW = W - AXIS_W - RIGHT;
  const slot = n > 0 ? plotW / n : plotW;
  const labelLines = slot < 60 ? 3 : 2;
  const plotBottom = PLOT_TOP + PLOT_H;
  const height = plotBottom + 8 + labelLines * LABEL_LINE;
  const scale = chartScale(chart);
  const yOf = (v: number) => plotBottom - (Math.max(0, Math.min(v, scale.max)) / scale.max) * PLOT_H;

  return (
    <figure className="chart">
      <figcaption className="chart-title">{chart.title}</figcaption>
      {chart.series.length > 1 && (
        <ul className="chart-legend" aria-hidden="true">
          {chart.series.map((s, i) => (
            <li key={s.label}>
              <svg width="12" height="12" viewBox="0 0 12 12" focusable="false">
                <rect width="12" height="12" rx="2" fill={seriesColor(i)} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      )}
      {n === 0 ? (
        <p className="chart-empty muted">Tidak ada data.</p>
      ) : (
        <svg className="chart-svg" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={summary(chart)} focusable="false">
          {scale.values.map((v) => (
            <g key={v}>
              <line x1={plotX} x2={plotX + plotW} y1={yOf(v)} y2={yOf(v)} className={v === 0 ? 'chart-axis' : 'chart-grid'} />
              <text x={plotX - 6} y={yOf(v) + 4} textAnchor="end" className="chart-tick">
                {chartAxisText(chart, v)}
              </text>
            </g>
          ))}
          <line x1={plotX} x2={plotX} y1={PLOT_TOP - 4} y2={plotBottom} className="chart-axis" />
          {chart.categories.map((c, i) => (
            <text key={`${c}-${i}`} x={plotX + (i + 0.5) * slot} y={plotBottom + 16} textAnchor="middle" className="chart-label">
              <title>{c}</title>
              {wrapLabel(c, slot - 4, labelLines).map((line, li) => (
                <tspan key={li} x={plotX + (i + 0.5) * slot} dy={li === 0 ? 0 : LABEL_LINE}>
                  {line}
                </tspan>
              ))}
            </text>
          ))}
          {chart.kind === 'bar' ? <Bars chart={chart} plotX={plotX} slot={slot} plotBottom={plotBottom} yOf={yOf} /> : <Lines chart={chart} plotX={plotX} slot={slot} plotBottom={plotBottom} yOf={yOf} />}
        </svg>
      )}
    </figure>
  );
}

interface PlotProps {
  chart: Chart;
  plotX: number;
  slot: number;
  plotBottom: number;
  yOf: (v: number) => number;
}

function Bars({ chart, plotX, slot, plotBottom, yOf }: PlotProps) {
  // Bars no wider than 56 px, so one category does not fill the whole plot.
  const barW = Math.min((slot * 0.72) / Math.max(1, chart.series.length), 56);
  const groupW = barW * chart.series.length;
  const showValues = barW >= 22;
  return (
    <g>
      {chart.series.map((s, si) =>
        s.values.map((v, i) => {
          const x = plotX + i * slot + (slot - groupW) / 2 + si * barW;
          const top = v === null ? plotBottom : yOf(v);
          const tip = `${chart.categories[i] ?? ''}${chart.series.length > 1 ? ` — ${s.label}` : ''}: ${chartValueText(chart, v)}`;
          return (
            <g key={`${si}-${i}`}>
              {v !== null && v > 0 && (
                <rect x={x + 1} y={top} width={Math.max(1, barW - 2)} height={plotBottom - top} fill={seriesColor(si)} className="chart-bar">
                  <title>{tip}</title>
                </rect>
              )}
              {showValues && (
                <text x={x + barW / 2} y={top - 4} textAnchor="middle" className="chart-value">
                  {chartValueText(chart, v)}
                </text>
              )}
            </g>
          );
        }),
      )}
    </g>
  );
}

function Lines({ chart, plotX, slot, plotBottom, yOf }: PlotProps) {
  return (
    <g>
      {chart.series.map((s, si) => {
        const points = s.values.map((v, i) => (v === null ? null : { x: plotX + (i + 0.5) * slot, y: yOf(v), v, i }));
        // A gap (no value) breaks the line into runs.
        const runs: string[] = [];
        let run: string[] = [];
        for (const p of points) {
          if (p === null) {
            if (run.length > 1) runs.push(run.join(' '));
            run = [];
          } else run.push(`${p.x},${p.y}`);
        }
        if (run.length > 1) runs.push(run.join(' '));
        return (
          <g key={s.label}>
            {runs.map((r) => (
              <polyline key={r} points={r} fill="none" stroke={seriesColor(si)} strokeWidth={2.5} />
            ))}
            {points.map((p, i) =>
              p === null ? (
                <text key={i} x={plotX + (i + 0.5) * slot} y={plotBottom - 6} textAnchor="middle" className="chart-value">
                  –
                </text>
              ) : (
                <g key={i}>
                  <circle cx={p.x} cy={p.y} r={4} fill={seriesColor(si)}>
                    <title>{`${chart.categories[i] ?? ''}: ${chartValueText(chart, p.v)}`}</title>
                  </circle>
                  <text x={p.x} y={p.y - 9} textAnchor="middle" className="chart-value">
                    {chartValueText(chart, p.v)}
                  </text>
                </g>
              ),
            )}
          </g>
        );
      })}
    </g>
  );
}
