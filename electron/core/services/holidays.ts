/**
 * Seeds a year's national holidays from the `date-holidays` package (server side only; the
 * calendar arithmetic in shared/domain/calendar.ts never imports it).
 *
 * The seed is a starting point, not the truth, which is why the office edits the list for each
 * year (the official SKB 3 Menteri):
 * - cuti bersama is not in the library at all; the office adds those days itself;
 * - some Islamic dates may be off by a day (e.g. 2025 Idul Fitri, Tahun Baru Islam), because the
 *   library computes them while the government fixes them by decree (REFERENCE.md §4);
 * - the library labels Isra Mikraj (27 Rajab) "Maulid Nabi Muhammad"; we rename it by its rule.
 *
 * How the library represents a holiday: `date` is the local civil date and time as text
 * ("2026-03-20 00:00:00", with " -0600" appended for Islamic days, which begin at sunset the
 * evening before), while `start`/`end` are instants. We take the civil date from `date` (never from
 * `start`, whose UTC date is the day before), and the number of days from end − start, so a
 * multi-day entry becomes one CalendarDay per day.
 */
import Holidays from 'date-holidays';
import type { CalendarDay } from '../../../shared/domain/calendar';

const DAY_MS = 86_400_000;

/** Corrections of the library's labels, keyed by its rule. */
const NAME_BY_RULE: Record<string, string> = {
  '27 Rajab': 'Isra Mikraj Nabi Muhammad SAW',
};

function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Indonesia's public holidays of `year` ('ID', type 'public', Indonesian names), one entry per
 * local date, sorted, kind 'libur_nasional'. Two holidays on the same date are merged into one
 * entry whose name joins both ("A / B").
 */
export function seedHolidays(year: number): CalendarDay[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new Error(`Tahun tidak sah: ${year}`);
  const hd = new Holidays('ID', { languages: ['id'], types: ['public'] });
  const byDate = new Map<string, string[]>();
  for (const holiday of hd.getHolidays(year, 'id')) {
    if (holiday.type !== 'public') continue;
    const firstDate = holiday.date.slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(firstDate)) continue;
    const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
    const name = NAME_BY_RULE[holiday.rule] ?? holiday.name;
    for (let i = 0; i < days; i += 1) {
      const date = addDays(firstDate, i);
      if (!date.startsWith(`${year}-`)) continue;
      const names = byDate.get(date) ?? [];
      if (!names.includes(name)) names.push(name);
      byDate.set(date, names);
    }
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, names]) => ({ date, name: names.join(' / '), kind: 'libur_nasional' as const }));
}
