/**
 * The office's working calendar as stored in the register: time zone (from the office profile),
 * office hours per weekday with breaks, closed days (holidays, cuti bersama, closures of a whole
 * day) and partial closures. Deadlines are computed from it when read, so an edit here moves every
 * open deadline at once.
 */
import { ApiError } from '../../../shared/api/errors';
import { freezeCalendar, PERPRES_21_2023_WEEK, validateCalendar, type CalendarDay, type Closure, type TimeRange, type WorkingCalendar } from '../../../shared/domain/calendar';
import type { Db } from '../db/register';
import { getOffice } from './office';
import { seedHolidays } from './holidays';

export function getWeek(db: Db): TimeRange[][] {
  const week: TimeRange[][] = [[], [], [], [], [], [], []];
  const rows = db.prepare('SELECT weekday, start, end FROM office_hours ORDER BY weekday, start').all() as Array<{ weekday: number; start: string; end: string }>;
  for (const r of rows) week[r.weekday]?.push({ start: r.start, end: r.end });
  return week;
}

export function getCalendar(db: Db): WorkingCalendar {
  const office = getOffice(db);
  const holidays = db.prepare('SELECT date, name, kind FROM calendar_days ORDER BY date').all() as CalendarDay[];
  const closures = db.prepare('SELECT start, end, reason FROM closures ORDER BY start').all() as Closure[];
  // Frozen: a calendar read from the register is never changed afterwards, so its compiled form is
  // reused for every deadline computed from it (a queue of thousands of requests).
  return freezeCalendar({ timeZone: office.timeZone, week: getWeek(db), holidays, closures });
}

export function saveWeek(db: Db, week: TimeRange[][]): void {
  const problems = validateCalendar({ timeZone: 'Asia/Jakarta', week, holidays: [], closures: [] });
  if (problems.length > 0) throw new ApiError('INVALID_INPUT', problems.join(' '), { week: problems.join(' ') });
  db.prepare('DELETE FROM office_hours').run();
  const insert = db.prepare('INSERT INTO office_hours (weekday, start, end) VALUES (?, ?, ?)');
  week.forEach((ranges, weekday) => ranges.forEach((r) => insert.run(weekday, r.start, r.end)));
}

export function ensureDefaultWeek(db: Db): void {
  const any = db.prepare('SELECT 1 FROM office_hours LIMIT 1').get();
  if (!any) saveWeek(db, PERPRES_21_2023_WEEK);
}

export function listCalendarDays(db: Db, year: number | null): CalendarDay[] {
  return db
    .prepare("SELECT date, name, kind FROM calendar_days WHERE (? IS NULL OR substr(date, 1, 4) = ?) ORDER BY date")
    .all(year, year === null ? null : String(year)) as CalendarDay[];
}

export function saveCalendarDay(db: Db, day: CalendarDay): void {
  db.prepare('INSERT INTO calendar_days (date, name, kind) VALUES (?, ?, ?) ON CONFLICT (date) DO UPDATE SET name = excluded.name, kind = excluded.kind').run(
    day.date,
    day.name,
    day.kind,
  );
}

export function deleteCalendarDay(db: Db, date: string): void {
  const r = db.prepare('DELETE FROM calendar_days WHERE date = ?').run(date);
  if (r.changes === 0) throw new ApiError('NOT_FOUND', 'Tanggal itu tidak ada di daftar hari libur.');
}

/** Adds the year's public holidays from the holiday library; days already listed are kept as edited. */
export function seedCalendarYear(db: Db, year: number): number {
  const insert = db.prepare('INSERT OR IGNORE INTO calendar_days (date, name, kind) VALUES (?, ?, ?)');
  let added = 0;
  for (const day of seedHolidays(year)) added += insert.run(day.date, day.name, day.kind).changes;
  return added;
}

export function listClosures(db: Db): Array<Closure & { id: number }> {
  return db.prepare('SELECT id, start, end, reason FROM closures ORDER BY start').all() as Array<Closure & { id: number }>;
}

export function saveClosure(db: Db, closure: Closure): number {
  if (closure.end <= closure.start) throw new ApiError('INVALID_INPUT', 'Akhir penutupan harus sesudah awalnya.', { end: 'Akhir penutupan harus sesudah awalnya.' });
  return Number(db.prepare('INSERT INTO closures (start, end, reason) VALUES (?, ?, ?)').run(closure.start, closure.end, closure.reason).lastInsertRowid);
}

export function deleteClosure(db: Db, id: number): void {
  const r = db.prepare('DELETE FROM closures WHERE id = ?').run(id);
  if (r.changes === 0) throw new ApiError('NOT_FOUND', 'Penutupan tidak ditemukan.');
}
