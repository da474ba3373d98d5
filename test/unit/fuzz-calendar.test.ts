/**
 * Working-time arithmetic at the size of a ten-year register: spans of months come from running
 * sums kept with a compiled calendar, and a frozen calendar (as the register gives it) keeps its
 * compiled form between calls. Property: for random calendars (office hours, holidays, closures)
 * and random spans, the answers equal a day-by-day count from each day's working intervals, and a
 * frozen calendar answers exactly as an unfrozen copy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingMilliseconds,
  freezeCalendar,
  PEKALONGAN_WEEK,
  PERPRES_21_2023_WEEK,
  workingIntervalsOn,
  workingMillisecondsBetween,
  type WorkingCalendar,
} from '../../shared/domain/calendar';

const DAY = 86_400_000;

function calendar(week: WorkingCalendar['week'], holidays: string[], closures: Array<[number, number]>): WorkingCalendar {
  return {
    timeZone: 'Asia/Makassar',
    week: week.map((d) => d.map((r) => ({ ...r }))),
    holidays: [...new Set(holidays)].sort().map((date) => ({ date, name: 'Libur', kind: 'libur_nasional' as const })),
    closures: closures.map(([start, hours]) => ({ start: new Date(start).toISOString(), end: new Date(start + hours * 3_600_000).toISOString(), reason: 'Tutup' })),
  };
}

/** Working ms in [a, b) counted day by day from workingIntervalsOn. */
function reference(cal: WorkingCalendar, a: number, b: number): number {
  let total = 0;
  for (let t = Math.floor(a / DAY) * DAY - DAY; t < b + DAY; t += DAY) {
    for (const iv of workingIntervalsOn(cal, new Date(t).toISOString().slice(0, 10))) {
      const overlap = Math.min(Date.parse(iv.end), b) - Math.max(Date.parse(iv.start), a);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

const base = Date.parse('2025-01-01T00:00:00Z');
const instant = fc.integer({ min: 0, max: 400 * DAY }).map((ms) => base + Math.floor(ms / 60_000) * 60_000);
const cal = fc
  .record({
    week: fc.constantFrom(PERPRES_21_2023_WEEK, PEKALONGAN_WEEK),
    holidays: fc.array(fc.integer({ min: 0, max: 420 }).map((d) => new Date(base + d * DAY).toISOString().slice(0, 10)), { maxLength: 30 }),
    closures: fc.array(fc.tuple(instant, fc.integer({ min: 1, max: 200 })), { maxLength: 4 }),
  })
  .map((r) => calendar(r.week, r.holidays, r.closures));

describe('working time over long spans', () => {
  it('counts a span of months exactly as a day-by-day count, frozen or not', () => {
    fc.assert(
      fc.property(cal, instant, instant, (c, x, y) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const want = reference(c, a, b);
        const frozen = freezeCalendar(structuredClone(c));
        expect(workingMillisecondsBetween(c, new Date(a).toISOString(), new Date(b).toISOString())).toBe(want);
        expect(workingMillisecondsBetween(frozen, new Date(a).toISOString(), new Date(b).toISOString())).toBe(want);
        // Twice on the same frozen calendar: the kept form gives the same answer.
        expect(workingMillisecondsBetween(frozen, new Date(a).toISOString(), new Date(b).toISOString())).toBe(want);
      }),
      { numRuns: 60, seed: 21 },
    );
  });

  it('adds working time the same way on a frozen calendar', () => {
    fc.assert(
      fc.property(cal, instant, fc.integer({ min: 0, max: 60 * 8 * 3_600_000 }), (c, start, ms) => {
        const frozen = freezeCalendar(structuredClone(c));
        const iso = new Date(start).toISOString();
        const due = addWorkingMilliseconds(c, iso, ms);
        expect(addWorkingMilliseconds(frozen, iso, ms)).toBe(due);
        expect(workingMillisecondsBetween(frozen, iso, due)).toBe(ms);
      }),
      { numRuns: 60, seed: 22 },
    );
  });
});
