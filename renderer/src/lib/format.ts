/** How the desk words times: deadlines with the day's name, working time in hours and minutes. */
import { DAYS_ID, formatInstantDateTimeId, toLocalParts } from '../../../shared/domain/dates';

/** "Senin, 23 November 2026 pukul 09.09 WIB". */
export function formatDeadline(instant: string, timeZone: string): string {
  const p = toLocalParts(instant, timeZone);
  return `${DAYS_ID[p.weekday] ?? ''}, ${formatInstantDateTimeId(instant, timeZone)}`;
}

/** "23 November 2026 pukul 09.09 WIB" (no day name: for event times in lists). */
export function formatMoment(instant: string, timeZone: string): string {
  return formatInstantDateTimeId(instant, timeZone);
}

/** Working minutes → "1 jam 5 menit", "45 menit", "2 jam", "kurang dari 1 menit". */
export function formatWorkingMinutes(minutes: number): string {
  const m = Math.max(0, Math.floor(minutes));
  if (m === 0) return 'kurang dari 1 menit';
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  if (hours === 0) return `${rest} menit`;
  if (rest === 0) return `${hours} jam`;
  return `${hours} jam ${rest} menit`;
}

