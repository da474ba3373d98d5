/**
 * The office's working calendar and working-time arithmetic (pure: no Node, no DOM).
 *
 * A calendar is a weekly pattern of working intervals in the office's local time (a break is a
 * gap between two intervals), whole closed days (national holidays, cuti bersama, office closures)
 * and one-off partial closures given as UTC instants. Indonesia has no daylight saving time, so
 * local time is a fixed offset from UTC (see `dates.ts`) and the arithmetic below works on
 * "local milliseconds" (UTC ms + offset) with no time-zone database.
 *
 * Conventions:
 * - Instants are ISO-8601 strings with a zone designator ("2026-11-26T08:30:00.000Z"); a string
 *   without one is refused, because `Date.parse` would read it in the machine's zone.
 * - Working time is half-open: an interval 08:00–12:00 contains 08:00 and not 12:00.
 * - Nothing is cached between calls for a calendar that can change: a calendar edit (a holiday
 *   added, a closure) changes every result computed afterwards. Deadlines are meant to be computed
 *   when read, never stored. A calendar frozen with `freezeCalendar` cannot change, so its compiled
 *   form is kept with it (a desk queue computes thousands of deadlines from one calendar).
 */
import { DAYS_ID, ZONE_OFFSET_MINUTES } from './dates';

export interface TimeRange {
  /** "08:00", local time. */
  start: string;
  /** "12:00", local time; after `start`. "24:00" is allowed as the end of the day. */
  end: string;
}

/** A whole closed day. */
export interface CalendarDay {
  /** Local date "YYYY-MM-DD". */
  date: string;
  name: string;
  kind: 'libur_nasional' | 'cuti_bersama' | 'penutupan';
}

/** A one-off partial closure (e.g. a power cut, a ceremony), as UTC instants; [start, end). */
export interface Closure {
  start: string;
  end: string;
  reason: string;
}

export type OfficeTimeZone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

export interface WorkingCalendar {
  timeZone: OfficeTimeZone;
  /** Index 0 = Sunday … 6 = Saturday; the working intervals of that weekday (a break is a gap). */
  week: TimeRange[][];
  holidays: CalendarDay[];
  closures: Closure[];
}

export const CALENDAR_DAY_KINDS: ReadonlyArray<CalendarDay['kind']> = ['libur_nasional', 'cuti_bersama', 'penutupan'];

export const CALENDAR_DAY_KIND_LABELS: Record<CalendarDay['kind'], string> = {
  libur_nasional: 'Libur nasional',
  cuti_bersama: 'Cuti bersama',
  penutupan: 'Kantor tutup',
};

/** Sunday closed, then the same ranges (copied per day) Monday to Thursday. */
const monToThu = (ranges: TimeRange[]): TimeRange[][] => [[], ...[1, 2, 3, 4].map(() => ranges.map((r) => ({ ...r })))];

/**
 * Diskominfo Kota Pekalongan (SOP Pelayanan Domain): Mon–Thu 08.00–15.45 with a 12.00–13.00
 * break, Fri 08.00–11.00, Sat/Sun closed. 30 hours a week.
 */
export const PEKALONGAN_WEEK: TimeRange[][] = [
  ...monToThu([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '15:45' }]),
  [{ start: '08:00', end: '11:00' }],
  [],
];

/**
 * Perpres 21/2023: Mon–Thu 07.30–16.00 with 12.00–13.00 off, Fri 07.30–16.30 with 11.30–13.00
 * off (Friday prayers): 4 × 7.5 h + 7.5 h = 37.5 hours a week.
 */
export const PERPRES_21_2023_WEEK: TimeRange[][] = [
  ...monToThu([{ start: '07:30', end: '12:00' }, { start: '13:00', end: '16:00' }]),
  [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '16:30' }],
  [],
];

/** A calendar with no holidays and no closures yet. */
export function createCalendar(
  timeZone: OfficeTimeZone,
  week: TimeRange[][],
  holidays: CalendarDay[] = [],
  closures: Closure[] = [],
): WorkingCalendar {
  return { timeZone, week, holidays, closures };
}

// ---------------------------------------------------------------------------------------------
// Small parsers

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How many consecutive days without working time we scan before giving up (about ten years). */
const MAX_CLOSED_DAYS = 3660;

const CLOCK = /^(\d{2}):(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "08:30" → 510 minutes after midnight; "24:00" → 1440; null when not a valid clock time. */
export function parseClock(value: string): number | null {
  const match = typeof value === 'string' ? CLOCK.exec(value) : null;
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour === 24 && minute === 0) return 1440;
  if (hour > 23 || minute > 59) return null;
  return hour * 60 + minute;
}

function parseInstantMs(iso: string): number {
  const ms = typeof iso === 'string' && ISO_INSTANT.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`Waktu tidak sah: "${String(iso)}" (gunakan ISO-8601 dengan zona, mis. 2026-11-26T01:00:00.000Z)`);
  return ms;
}

function isValidInstant(iso: unknown): boolean {
  return typeof iso === 'string' && ISO_INSTANT.test(iso) && !Number.isNaN(Date.parse(iso));
}

/** "2026-11-26" → days since 1970-01-01, or null when not a real date. */
function dateToDayNumber(date: string): number | null {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

function dayNumberToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 1970-01-01 was a Thursday (4). */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

// ---------------------------------------------------------------------------------------------
// Validation

function dayLabel(index: number): string {
  return DAYS_ID[index] ?? `hari ke-${index}`;
}

/** Problems with a calendar, in Indonesian; empty when it can be used. */
export function validateCalendar(cal: WorkingCalendar): string[] {
  const problems: string[] = [];
  if (ZONE_OFFSET_MINUTES[cal.timeZone] === undefined) {
    problems.push(`Zona waktu tidak dikenal: ${String(cal.timeZone)} (pilih Asia/Jakarta, Asia/Makassar, atau Asia/Jayapura)`);
  }

  const week: unknown = cal.week;
  if (!Array.isArray(week) || week.length !== 7) {
    const count = Array.isArray(week) ? week.length : 0;
    problems.push(`Jadwal mingguan harus berisi 7 hari (Minggu sampai Sabtu), bukan ${count}`);
  } else {
    let anyWork = false;
    cal.week.forEach((ranges, index) => {
      const name = dayLabel(index);
      if (!Array.isArray(ranges)) {
        problems.push(`${name}: jam kerja harus berupa daftar rentang waktu`);
        return;
      }
      const parsed: Array<{ s: number; e: number; range: TimeRange }> = [];
      for (const range of ranges) {
        const s = parseClock(range.start);
        const e = parseClock(range.end);
        if (s === null || s === 1440) {
          problems.push(`${name}: jam mulai "${String(range.start)}" tidak sah (gunakan format JJ:MM, mis. 08:00)`);
          continue;
        }
        if (e === null) {
          problems.push(`${name}: jam selesai "${String(range.end)}" tidak sah (gunakan format JJ:MM, mis. 15:45)`);
          continue;
        }
        if (e <= s) {
          problems.push(`${name}: jam selesai ${range.end} harus sesudah jam mulai ${range.start}`);
          continue;
        }
        parsed.push({ s, e, range });
      }
      parsed.sort((a, b) => a.s - b.s);
      for (let i = 1; i < parsed.length; i += 1) {
        const prev = parsed[i - 1];
        const cur = parsed[i];
        if (prev && cur && cur.s < prev.e) {
          problems.push(
            `${name}: rentang ${prev.range.start}–${prev.range.end} dan ${cur.range.start}–${cur.range.end} tumpang tindih`,
          );
        }
      }
      if (parsed.length > 0) anyWork = true;
    });
    if (!anyWork) problems.push('Tidak ada jam kerja sama sekali dalam seminggu');
  }

  const seen = new Set<string>();
  for (const day of Array.isArray(cal.holidays) ? cal.holidays : []) {
    if (dateToDayNumber(day.date) === null) {
      problems.push(`Hari libur "${String(day.name)}": tanggal "${String(day.date)}" tidak sah (gunakan format TTTT-BB-HH)`);
      continue;
    }
    if (!CALENDAR_DAY_KINDS.includes(day.kind)) {
      problems.push(`Hari libur "${String(day.name)}" (${day.date}): jenis "${String(day.kind)}" tidak dikenal`);
    }
    if (seen.has(day.date)) problems.push(`Hari libur ganda pada tanggal ${day.date}`);
    seen.add(day.date);
  }

  for (const closure of Array.isArray(cal.closures) ? cal.closures : []) {
    if (!isValidInstant(closure.start) || !isValidInstant(closure.end)) {
      problems.push(`Penutupan "${String(closure.reason)}": waktu mulai atau selesai tidak sah`);
      continue;
    }
    if (Date.parse(closure.end) <= Date.parse(closure.start)) {
      problems.push(`Penutupan "${String(closure.reason)}": waktu selesai harus sesudah waktu mulai`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The compiled form: everything in local milliseconds

type Interval = [start: number, end: number];

interface Compiled {
  offsetMs: number;
  /** Per weekday, sorted and merged, in ms after local midnight. */
  week: Interval[][];
  closedDays: Set<number>;
  /** Sorted and merged, in local ms. */
  closures: Interval[];
  /** Each day's working intervals once worked out (read-only; the calendar cannot change under a compiled form). */
  days: Map<number, readonly Interval[]>;
  /** Running sums of whole days' working ms, from day `from` on (see workingOfDays). */
  sums: { from: number; before: number[] } | null;
}

function mergeSorted(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else out.push([iv[0], iv[1]]);
  }
  return out;
}

/** Compiled forms of frozen calendars (see freezeCalendar), dropped with the calendar. */
const compiledFrozen = new WeakMap<WorkingCalendar, Compiled>();
const frozenCalendars = new WeakSet<WorkingCalendar>();

/**
 * Freezes the calendar and everything in it, so its compiled form can be reused for every
 * computation on it (an unfrozen calendar is compiled again on each call, as it may have changed).
 */
export function freezeCalendar(cal: WorkingCalendar): WorkingCalendar {
  for (const day of cal.week) Object.freeze(day);
  Object.freeze(cal.week);
  for (const h of cal.holidays) Object.freeze(h);
  Object.freeze(cal.holidays);
  for (const c of cal.closures) Object.freeze(c);
  Object.freeze(cal.closures);
  frozenCalendars.add(cal);
  return Object.freeze(cal);
}

function compile(cal: WorkingCalendar): Compiled {
  const frozen = frozenCalendars.has(cal);
  if (frozen) {
    const hit = compiledFrozen.get(cal);
    if (hit) return hit;
  }
  const compiled = compileNow(cal);
  if (frozen) compiledFrozen.set(cal, compiled);
  return compiled;
}

function compileNow(cal: WorkingCalendar): Compiled {
  const problems = validateCalendar(cal);
  if (problems.length > 0) throw new Error(`Kalender kerja tidak sah: ${problems.join('; ')}`);
  const offsetMs = (ZONE_OFFSET_MINUTES[cal.timeZone] ?? 0) * MINUTE_MS;
  const week = cal.week.map((ranges) =>
    mergeSorted(ranges.map((r): Interval => [(parseClock(r.start) ?? 0) * MINUTE_MS, (parseClock(r.end) ?? 0) * MINUTE_MS])),
  );
  const closedDays = new Set<number>();
  for (const day of cal.holidays) {
    const n = dateToDayNumber(day.date);
    if (n !== null) closedDays.add(n);
  }
  const closures = mergeSorted(cal.closures.map((c): Interval => [Date.parse(c.start) + offsetMs, Date.parse(c.end) + offsetMs]));
  return { offsetMs, week, closedDays, closures, days: new Map(), sums: null };
}

const NO_INTERVALS: readonly Interval[] = Object.freeze([]);

/** The working intervals of one local day (local ms), with holidays and closures applied. */
function dayIntervals(c: Compiled, day: number): readonly Interval[] {
  let ivs = c.days.get(day);
  if (!ivs) {
    ivs = computeDayIntervals(c, day);
    if (c.days.size > 50_000) c.days.clear();
    c.days.set(day, ivs);
  }
  return ivs;
}

function computeDayIntervals(c: Compiled, day: number): readonly Interval[] {
  if (c.closedDays.has(day)) return NO_INTERVALS;
  const pattern = c.week[weekdayOf(day)] ?? [];
  if (pattern.length === 0) return [];
  const base = day * DAY_MS;
  let ivs: Interval[] = pattern.map(([s, e]): Interval => [base + s, base + e]);
  if (c.closures.length === 0) return ivs;
  const dayEnd = base + DAY_MS;
  for (const [cs, ce] of c.closures) {
    if (ce <= base) continue;
    if (cs >= dayEnd) break;
    const next: Interval[] = [];
    for (const [s, e] of ivs) {
      if (ce <= s || cs >= e) {
        next.push([s, e]);
        continue;
      }
      if (cs > s) next.push([s, cs]);
      if (ce < e) next.push([ce, e]);
    }
    ivs = next;
  }
  return ivs;
}

function noWorkingTimeError(fromDay: number): Error {
  return new Error(
    `Kalender kerja tidak memiliki waktu kerja selama ${MAX_CLOSED_DAYS} hari sejak ${dayNumberToDate(fromDay)}; periksa jam kerja, hari libur, dan penutupan`,
  );
}

/** Iterates local days from `firstDay` that have working time; throws after a long closed run. */
function* workingDays(c: Compiled, firstDay: number): Generator<[day: number, intervals: readonly Interval[]]> {
  let closedRun = 0;
  for (let day = firstDay; ; day += 1) {
    const ivs = dayIntervals(c, day);
    if (ivs.length === 0) {
      closedRun += 1;
      if (closedRun > MAX_CLOSED_DAYS) throw noWorkingTimeError(firstDay);
      continue;
    }
    closedRun = 0;
    yield [day, ivs];
  }
}

function addLocal(c: Compiled, start: number, ms: number): number {
  if (ms === 0) return start;
  let remaining = ms;
  for (const [, ivs] of workingDays(c, Math.floor(start / DAY_MS))) {
    for (const [s, e] of ivs) {
      if (e <= start) continue;
      const from = Math.max(s, start);
      const available = e - from;
      if (available >= remaining) return from + remaining;
      remaining -= available;
    }
  }
  /* c8 ignore next */
  throw noWorkingTimeError(Math.floor(start / DAY_MS));
}

/** Working ms of one whole local day. */
function dayTotal(c: Compiled, day: number): number {
  let total = 0;
  for (const [s, e] of dayIntervals(c, day)) total += e - s;
  return total;
}

/**
 * Working ms of the whole days [first, last), from running sums kept with the compiled calendar
 * and extended as needed: a span of months costs two look-ups instead of a walk over every day
 * (a desk queue computes thousands of such spans).
 */
function workingOfDays(c: Compiled, first: number, last: number): number {
  let sums = c.sums;
  if (!sums || first < sums.from || last > sums.from + sums.before.length - 1) {
    const from = Math.min(first, sums?.from ?? first) - 31;
    const to = Math.max(last, sums ? sums.from + sums.before.length - 1 : last) + 31;
    const before = new Array<number>(to - from + 1);
    let acc = 0;
    for (let d = from; d <= to; d += 1) {
      before[d - from] = acc;
      acc += dayTotal(c, d);
    }
    sums = { from, before };
    c.sums = sums;
  }
  return (sums.before[last - sums.from] ?? 0) - (sums.before[first - sums.from] ?? 0);
}

function overlapOnDay(c: Compiled, day: number, a: number, b: number): number {
  let total = 0;
  for (const [s, e] of dayIntervals(c, day)) {
    const overlap = Math.min(e, b) - Math.max(s, a);
    if (overlap > 0) total += overlap;
  }
  return total;
}

function betweenLocal(c: Compiled, a: number, b: number): number {
  if (b <= a) return 0;
  const firstDay = Math.floor(a / DAY_MS);
  const lastDay = Math.floor((b - 1) / DAY_MS);
  if (lastDay - firstDay < 8) {
    let total = 0;
    for (let day = firstDay; day <= lastDay; day += 1) total += overlapOnDay(c, day, a, b);
    return total;
  }
  return overlapOnDay(c, firstDay, a, b) + workingOfDays(c, firstDay + 1, lastDay) + overlapOnDay(c, lastDay, a, b);
}

function nextLocal(c: Compiled, t: number): number {
  for (const [, ivs] of workingDays(c, Math.floor(t / DAY_MS))) {
    for (const [s, e] of ivs) {
      if (e > t) return Math.max(s, t);
    }
  }
  /* c8 ignore next */
  throw noWorkingTimeError(Math.floor(t / DAY_MS));
}

function toIso(c: Compiled, local: number): string {
  return new Date(local - c.offsetMs).toISOString();
}

function toLocal(c: Compiled, iso: string): number {
  return parseInstantMs(iso) + c.offsetMs;
}

function checkCount(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new Error(`Jumlah ${what} tidak sah: ${value}`);
  if (value < 0) throw new Error(`Jumlah ${what} tidak boleh negatif: ${value}`);
  if (!Number.isInteger(value)) throw new Error(`Jumlah ${what} harus bilangan bulat: ${value}`);
}

// ---------------------------------------------------------------------------------------------
// Public arithmetic

/** Whether the instant lies inside working time (holidays and closures excluded). */
export function isWorkingInstant(cal: WorkingCalendar, iso: string): boolean {
  const c = compile(cal);
  const t = toLocal(c, iso);
  return dayIntervals(c, Math.floor(t / DAY_MS)).some(([s, e]) => s <= t && t < e);
}

/** `iso` itself (unchanged) when it is working time, else the next start of working time. */
export function nextWorkingInstant(cal: WorkingCalendar, iso: string): string {
  const c = compile(cal);
  const t = toLocal(c, iso);
  const next = nextLocal(c, t);
  return next === t ? iso : toIso(c, next);
}

/**
 * The instant at which `minutes` whole working minutes have passed since `startIso`. Adding 0
 * returns `startIso` unchanged; the result of a positive amount is a working instant or the exact
 * end of a working interval (a task finished at 12:00 is not moved to 13:00).
 */
export function addWorkingMinutes(cal: WorkingCalendar, startIso: string, minutes: number): string {
  checkCount(minutes, 'menit kerja');
  return addWorkingMilliseconds(cal, startIso, minutes * MINUTE_MS);
}

/** As `addWorkingMinutes`, in milliseconds (any non-negative integer). */
export function addWorkingMilliseconds(cal: WorkingCalendar, startIso: string, ms: number): string {
  checkCount(ms, 'milidetik kerja');
  const c = compile(cal);
  const start = toLocal(c, startIso);
  if (ms === 0) return startIso;
  return toIso(c, addLocal(c, start, ms));
}

/**
 * Working minutes in [a, b); 0 when b ≤ a. A whole number when both instants fall on whole
 * minutes; a fraction when they carry seconds.
 */
export function workingMinutesBetween(cal: WorkingCalendar, aIso: string, bIso: string): number {
  return workingMillisecondsBetween(cal, aIso, bIso) / MINUTE_MS;
}

/** Working milliseconds in [a, b); 0 when b ≤ a. */
export function workingMillisecondsBetween(cal: WorkingCalendar, aIso: string, bIso: string): number {
  const c = compile(cal);
  return betweenLocal(c, toLocal(c, aIso), toLocal(c, bIso));
}

/**
 * "N hari kerja" (H+N): the end of office hours of the N-th working day after the start's local
 * day. The start day is never counted, whatever the hour. A working day is a day with any working
 * time left after holidays and closures; its end of office hours is the end of its last working
 * interval. Pekalongan, received Thursday 15:30, 2 days → Friday (1), Monday (2) → Monday 15:45.
 * 0 days returns `startIso` unchanged.
 */
export function addWorkingDays(cal: WorkingCalendar, startIso: string, days: number): string {
  checkCount(days, 'hari kerja');
  const c = compile(cal);
  const start = toLocal(c, startIso);
  if (days === 0) return startIso;
  let count = 0;
  for (const [, ivs] of workingDays(c, Math.floor(start / DAY_MS) + 1)) {
    count += 1;
    const last = ivs[ivs.length - 1];
    if (count === days && last) return toIso(c, last[1]);
  }
  /* c8 ignore next */
  throw noWorkingTimeError(Math.floor(start / DAY_MS));
}

/**
 * The number of working days after a's local day up to and including b's local day (so that
 * `workingDaysBetween(cal, s, addWorkingDays(cal, s, n)) === n`); 0 when b's day is not after a's.
 */
export function workingDaysBetween(cal: WorkingCalendar, aIso: string, bIso: string): number {
  const c = compile(cal);
  const first = Math.floor(toLocal(c, aIso) / DAY_MS) + 1;
  const last = Math.floor(toLocal(c, bIso) / DAY_MS);
  let count = 0;
  for (let day = first; day <= last; day += 1) if (dayIntervals(c, day).length > 0) count += 1;
  return count;
}

/** Whether a local date ("YYYY-MM-DD") has any working time. */
export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  return workingIntervalsOn(cal, date).length > 0;
}

/** The working intervals of a local date, as UTC instants, after holidays and closures. */
export function workingIntervalsOn(cal: WorkingCalendar, date: string): Array<{ start: string; end: string }> {
  const c = compile(cal);
  const day = dateToDayNumber(date);
  if (day === null) throw new Error(`Tanggal tidak sah: "${date}" (gunakan format TTTT-BB-HH)`);
  return dayIntervals(c, day).map(([s, e]) => ({ start: toIso(c, s), end: toIso(c, e) }));
}

/**
 * The first working instant of the local day on which a deadline falls (used for "at risk on the
 * last day"). A deadline at local midnight is the end of a 24:00 interval, so it falls on the day
 * before. Null when that day has no working time.
 */
export function deadlineDayStart(cal: WorkingCalendar, dueIso: string): string | null {
  const c = compile(cal);
  const t = toLocal(c, dueIso);
  const day = Math.ceil(t / DAY_MS) - 1;
  const first = dayIntervals(c, day)[0];
  return first ? toIso(c, first[0]) : null;
}

/** Working minutes in one week of the pattern (no holidays), e.g. 1800 for Pekalongan. */
export function weeklyWorkingMinutes(week: TimeRange[][]): number {
  let total = 0;
  for (const ranges of week) {
    for (const r of ranges) {
      const s = parseClock(r.start);
      const e = parseClock(r.end);
      if (s !== null && e !== null && e > s) total += e - s;
    }
  }
  return total;
}
