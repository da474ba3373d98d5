/**
 * How report values read on paper and on screen, in Indonesian: numbers with a dot between
 * thousands, percentages with a decimal comma, working minutes as "1 jam 20 mnt", dates as
 * "24/12/2026", periods as "1 Januari 2026 s.d. 31 Maret 2026"; and the value axis of a chart.
 * Shared by the PDF and .xlsx writers and the desk's report screens, so both read the same.
 */
import type { Chart, ColumnType, ReportCell } from '../api/report-schemas';
import { formatDateId, utcToLocalDateTime } from './dates';

/** 1234567 → "1.234.567"; 13.5 → "13,5". */
export function formatNumberId(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const trimmed = fraction ? fraction.replace(/0+$/, '') : '';
  return `${value < 0 ? '−' : ''}${grouped}${trimmed ? `,${trimmed}` : ''}`;
}

/** 0.6 → "60%", 0.6667 → "66,7%"; null → "–". */
export function formatPercent(value: number | null): string {
  if (value === null) return '–';
  return `${formatNumberId(value * 100, 1)}%`;
}

/** Working minutes: 45 → "45 mnt", 80 → "1 jam 20 mnt", 120 → "2 jam", 13.5 → "13,5 mnt"; null → "–". */
export function formatMinutes(value: number | null): string {
  if (value === null) return '–';
  const m = Math.round(value * 10) / 10;
  if (m < 60) return `${formatNumberId(m, 1)} mnt`;
  const hours = Math.floor(m / 60);
  const rest = Math.round((m - hours * 60) * 10) / 10;
  return rest === 0 ? `${formatNumberId(hours)} jam` : `${formatNumberId(hours)} jam ${formatNumberId(rest, 1)} mnt`;
}

/** "24/12/2026" for a table cell. */
export function formatShortDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** "24/12/2026 09.05" in the office's zone. */
export function formatShortDateTime(instant: string, timeZone: string): string {
  const local = utcToLocalDateTime(instant, timeZone);
  return `${formatShortDate(local.slice(0, 10))} ${local.slice(11, 13)}.${local.slice(14, 16)}`;
}

/** A cell as text, by its column type. */
export function formatCell(value: ReportCell, type: ColumnType, timeZone: string): string {
  if (value === null || value === '') return type === 'text' ? '' : '–';
  switch (type) {
    case 'text':
      return String(value);
    case 'number':
      return typeof value === 'number' ? formatNumberId(value, 2) : value;
    case 'date':
      return typeof value === 'string' ? formatShortDate(value) : String(value);
    case 'datetime':
      return typeof value === 'string' ? formatShortDateTime(value, timeZone) : String(value);
    case 'percent':
      return typeof value === 'number' ? formatPercent(value) : value;
    case 'minutes':
      return typeof value === 'number' ? formatMinutes(value) : value;
  }
}

/** "1 Januari 2026 s.d. 31 Maret 2026" (one date when both are the same day). */
export function periodText(from: string, to: string): string {
  return from === to ? formatDateId(from) : `${formatDateId(from)} s.d. ${formatDateId(to)}`;
}

// ---------------------------------------------------------------------------------------------
// Charts: colours and the value axis, the same on paper and on screen
// ---------------------------------------------------------------------------------------------

export const SERIES_COLORS = ['#2F5597', '#C55A11', '#548235', '#BF9000', '#7030A0', '#5B9BD5'] as const;

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? '#000000';
}

/** 0 → 1, 7 → 8, 13 → 15, 46 → 50, 130 → 150, 2400 → 2500: a round axis maximum at or above `value`. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const exp = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    if (step * exp >= value - 1e-9) return step * exp;
  }
  return 10 * exp;
}

/** The value axis: percentages run 0–100 %; counts and minutes from 0 to a round maximum, in four steps. */
export function chartScale(chart: Chart): { max: number; values: number[] } {
  if (chart.unit === 'percent') return { max: 1, values: [0, 0.25, 0.5, 0.75, 1] };
  const all = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const top = Math.max(0, ...all);
  let max = niceMax(top);
  if (chart.unit === 'count' && max < 4) max = 4;
  const count = 4;
  return { max, values: Array.from({ length: count + 1 }, (_, i) => (max * i) / count) };
}

/** A value over a bar or point: "66,7%", "1 jam 20 mnt", "12"; null → "–". */
export function chartValueText(chart: Chart, v: number | null): string {
  if (v === null) return '–';
  if (chart.unit === 'percent') return formatPercent(v);
  if (chart.unit === 'minutes') return formatMinutes(v);
  return formatNumberId(v, 1);
}

/** A label on the value axis: "75%", "2,5 j", "30 m", "12". */
export function chartAxisText(chart: Chart, v: number): string {
  if (chart.unit === 'percent') return `${Math.round(v * 100)}%`;
  if (chart.unit === 'minutes') return v >= 120 ? `${formatNumberId(v / 60, 1)} j` : `${formatNumberId(v, 1)} m`;
  return formatNumberId(v, 1);
}
