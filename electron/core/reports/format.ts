/**
 * How report values read on paper and on screen, in Indonesian: numbers with a dot between
 * thousands, percentages with a decimal comma, working minutes as "1 jam 20 mnt", dates as
 * "24 Desember 2026", periods as "1 Januari 2026 s.d. 31 Maret 2026" (shared/domain/report-format.ts);
 * here the parts only the register needs: office-local periods as instants, file names.
 */
import { zoneOffsetMinutes } from '../../../shared/domain/dates';

// The formatting itself is shared with the desk's report screens.
export {
  formatCell,
  formatMinutes,
  formatNumberId,
  formatPercent,
  formatShortDate,
  formatShortDateTime,
  periodText,
} from '../../../shared/domain/report-format';

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
