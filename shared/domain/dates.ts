/**
 * Dates as an Indonesian office writes them. Indonesia has no daylight saving time, so each of its
 * three zones is a fixed offset from UTC; local office times convert without a time-zone database.
 */

export const MONTHS_ID = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;

export const DAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

export const ZONE_OFFSET_MINUTES: Record<string, number> = {
  'Asia/Jakarta': 7 * 60,
  'Asia/Makassar': 8 * 60,
  'Asia/Jayapura': 9 * 60,
};

const ZONE_ABBR: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export function zoneOffsetMinutes(timeZone: string): number {
  const offset = ZONE_OFFSET_MINUTES[timeZone];
  if (offset === undefined) throw new Error(`Zona waktu tidak dikenal: ${timeZone}`);
  return offset;
}

export function zoneAbbreviation(timeZone: string): string {
  return ZONE_ABBR[timeZone] ?? timeZone;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  return validYmd(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function isValidLocalDateTime(value: string): boolean {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return false;
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  return validYmd(Number(match[1]), Number(match[2]), Number(match[3])) && hour <= 23 && minute <= 59;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday. */
  weekday: number;
}

/** The office-local wall clock of a UTC instant. */
export function toLocalParts(instant: Date | string, timeZone: string): LocalParts {
  const ms = (typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + zoneOffsetMinutes(timeZone) * 60_000;
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * "YYYY-MM-DDTHH:mm" in the office's zone → the UTC instant as an ISO string. Any real calendar
 * date converts: the 1900–2999 range is for what people type (the schemas check it), while the
 * end of a period is the day after it (2999-12-31 ends at 3000-01-01T00:00).
 */
export function localDateTimeToUtc(local: string, timeZone: string): string {
  const match = LOCAL_DATE_TIME.exec(local);
  const real =
    match !== null &&
    Number(match[1]) >= 1 &&
    Number(match[2]) >= 1 &&
    Number(match[2]) <= 12 &&
    Number(match[3]) >= 1 &&
    Number(match[3]) <= daysInMonth(Number(match[1]), Number(match[2])) &&
    Number(match[4]) <= 23 &&
    Number(match[5]) <= 59;
  if (!match || !real) throw new Error(`Tanggal dan jam tidak sah: ${local}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]));
  return new Date(ms - zoneOffsetMinutes(timeZone) * 60_000).toISOString();
}

/** A UTC instant → "YYYY-MM-DDTHH:mm" on the office's wall clock. */
export function utcToLocalDateTime(instant: Date | string, timeZone: string): string {
  const p = toLocalParts(instant, timeZone);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** "2026-12-24" → "24 Desember 2026". */
export function formatDateId(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return isoDate;
  const month = MONTHS_ID[Number(match[2]) - 1];
  return `${Number(match[3])} ${month ?? match[2]} ${match[1]}`;
}

/** A UTC instant → "24 Desember 2026" in the office's zone. */
export function formatInstantDateId(instant: Date | string, timeZone: string): string {
  const p = toLocalParts(instant, timeZone);
  return `${p.day} ${MONTHS_ID[p.month - 1]} ${p.year}`;
}

/** A UTC instant → "24 Desember 2026 pukul 09.05 WIB". */
export function formatInstantDateTimeId(instant: Date | string, timeZone: string): string {
  const p = toLocalParts(instant, timeZone);
  return `${p.day} ${MONTHS_ID[p.month - 1]} ${p.year} pukul ${pad2(p.hour)}.${pad2(p.minute)} ${zoneAbbreviation(timeZone)}`;
}

/** "2026-11-23" → "Senin". */
export function dayNameId(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return '';
  const weekday = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).getUTCDay();
  return DAYS_ID[weekday] ?? '';
}

/** The office-local calendar date "YYYY-MM-DD" of an instant. */
export function localIsoDate(instant: Date | string, timeZone: string): string {
  const p = toLocalParts(instant, timeZone);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}
