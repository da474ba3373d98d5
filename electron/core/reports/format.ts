/**
 * How report values read on paper and on screen, in Indonesian: numbers with a dot between
 * thousands, percentages with a decimal comma, working minutes as "1 jam 20 mnt", dates as
 * "24 Desember 2026", periods as "1 Januari 2026 s.d. 31 Maret 2026".
 */
import type { ColumnType, ReportCell } from '../../../shared/api/report-schemas';
import { formatDateId, utcToLocalDateTime, zoneOffsetMinutes } from '../../../shared/domain/dates';

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

/** The instant of 00.00 office time on a date "YYYY-MM-DD" (any year, also the day after 31 December 2999). */
export function localMidnightUtc(date: string, timeZone: string, addDays = 0): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + addDays * 86_400_000 - zoneOffsetMinutes(timeZone) * 60_000;
  return new Date(ms).toISOString();
}

/** The instants of an office-local date range [from 00.00, day after `to` 00.00). */
export function periodInstants(from: string, to: string, timeZone: string): { fromIso: string; toIso: string } {
  return { fromIso: localMidnightUtc(from, timeZone), toIso: localMidnightUtc(to, timeZone, 1) };
}

/** "Buku Agenda" + "2026-01-01" → "buku-agenda-2026-01-01": safe in every file system. */
export function fileBase(...parts: Array<string | number>): string {
  return parts
    .map((p) => String(p))
    .join('-')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}
