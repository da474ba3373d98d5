import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PEKALONGAN_WEEK,
  PERPRES_21_2023_WEEK,
  addWorkingDays,
  addWorkingMinutes,
  createCalendar,
  deadlineDayStart,
  isWorkingDay,
  isWorkingInstant,
  nextWorkingInstant,
  validateCalendar,
  weeklyWorkingMinutes,
  workingDaysBetween,
  workingIntervalsOn,
  workingMinutesBetween,
  type WorkingCalendar,
} from '../../shared/domain/calendar';
import { localDateTimeToUtc, localIsoDate } from '../../shared/domain/dates';

// November 2026: Mon 23, Tue 24, Wed 25, Thu 26, Fri 27, Sat 28, Sun 29, Mon 30; Tue 1 December.
const wib = (local: string) => localDateTimeToUtc(local, 'Asia/Jakarta');
const wita = (local: string) => localDateTimeToUtc(local, 'Asia/Makassar');
const wit = (local: string) => localDateTimeToUtc(local, 'Asia/Jayapura');

// Pekalongan: Mon–Thu 08:00–12:00 + 13:00–15:45 (405 min), Fri 08:00–11:00 (180 min), Sat/Sun closed.
const pekalongan = (): WorkingCalendar => createCalendar('Asia/Jakarta', PEKALONGAN_WEEK);

describe('the week patterns', () => {
  it('Pekalongan is 30 hours and Perpres 21/2023 is 37.5 hours a week', () => {
    // 4 × (240 + 165) + 180 = 1800 min = 30 h
    expect(weeklyWorkingMinutes(PEKALONGAN_WEEK)).toBe(1800);
    // 4 × (270 + 180) + (240 + 210) = 2250 min = 37.5 h
    expect(weeklyWorkingMinutes(PERPRES_21_2023_WEEK)).toBe(2250);
    expect(validateCalendar(pekalongan())).toEqual([]);
    expect(validateCalendar(createCalendar('Asia/Jakarta', PERPRES_21_2023_WEEK))).toEqual([]);
  });
});

describe('addWorkingMinutes on the Pekalongan week', () => {
  const cal = pekalongan();

  it('5 min at Thu 15:43 → Fri 08:03', () => {
    // Thu 15:43–15:45 = 2 min; Fri 08:00 + 3 min = 08:03
    expect(addWorkingMinutes(cal, wib('2026-11-26T15:43'), 5)).toBe(wib('2026-11-27T08:03'));
  });

  it('2 h from Thu 15:30 → Fri 09:45', () => {
    // Thu 15:30–15:45 = 15 min; 120 − 15 = 105 min on Fri from 08:00 → 09:45
    expect(addWorkingMinutes(cal, wib('2026-11-26T15:30'), 120)).toBe(wib('2026-11-27T09:45'));
  });

  it('30 min at Mon 11:50 crosses the break → 13:20', () => {
    // 11:50–12:00 = 10 min; 12:00–13:00 break; 13:00 + 20 = 13:20
    expect(addWorkingMinutes(cal, wib('2026-11-23T11:50'), 30)).toBe(wib('2026-11-23T13:20'));
  });

  it('a start during the break begins at 13:00', () => {
    // Mon 12:30 is in the break; 13:00 + 15 = 13:15
    expect(addWorkingMinutes(cal, wib('2026-11-23T12:30'), 15)).toBe(wib('2026-11-23T13:15'));
  });

  it('a start on Saturday begins on Monday', () => {
    // Sat and Sun closed; Mon 08:00 + 60 = 09:00
    expect(addWorkingMinutes(cal, wib('2026-11-28T10:00'), 60)).toBe(wib('2026-11-30T09:00'));
  });

  it('Fri 10:55 + 10 min → Mon 08:05', () => {
    // Fri 10:55–11:00 = 5 min; Mon 08:00 + 5 = 08:05
    expect(addWorkingMinutes(cal, wib('2026-11-27T10:55'), 10)).toBe(wib('2026-11-30T08:05'));
  });

  it('a task that ends exactly at the break ends at 12:00, not 13:00', () => {
    // Mon 11:00 + 60 = 12:00, the exact end of the morning range
    expect(addWorkingMinutes(cal, wib('2026-11-23T11:00'), 60)).toBe(wib('2026-11-23T12:00'));
    // Thu 15:00 + 45 = 15:45, the end of Thursday
    expect(addWorkingMinutes(cal, wib('2026-11-26T15:00'), 45)).toBe(wib('2026-11-26T15:45'));
  });

  it('a whole day and one minute more', () => {
    // Mon 08:00 + 405 = Mon 15:45; + 406 = Tue 08:01
    expect(addWorkingMinutes(cal, wib('2026-11-23T08:00'), 405)).toBe(wib('2026-11-23T15:45'));
    expect(addWorkingMinutes(cal, wib('2026-11-23T08:00'), 406)).toBe(wib('2026-11-24T08:01'));
  });

  it('a whole week (30 h) from Monday morning ends Friday 11:00', () => {
    // 1800 min = the whole week → Fri 11:00; 1801 → next Mon 08:01
    expect(addWorkingMinutes(cal, wib('2026-11-23T08:00'), 1800)).toBe(wib('2026-11-27T11:00'));
    expect(addWorkingMinutes(cal, wib('2026-11-23T08:00'), 1801)).toBe(wib('2026-11-30T08:01'));
  });

  it('adding 0 returns the start unchanged, even out of hours', () => {
    const saturday = wib('2026-11-28T10:00');
    expect(addWorkingMinutes(cal, saturday, 0)).toBe(saturday);
  });

  it('refuses negative or fractional minutes and instants without a zone', () => {
    expect(() => addWorkingMinutes(cal, wib('2026-11-23T08:00'), -5)).toThrow(/tidak boleh negatif/);
    expect(() => addWorkingMinutes(cal, wib('2026-11-23T08:00'), 2.5)).toThrow(/bilangan bulat/);
    expect(() => addWorkingMinutes(cal, '2026-11-23T08:00', 5)).toThrow(/Waktu tidak sah/);
  });
});

describe('holidays, cuti bersama and closures', () => {
  it('a holiday on Monday pushes Friday 10:55 + 10 min to Tuesday 08:05', () => {
    const cal = pekalongan();
    cal.holidays.push({ date: '2026-11-30', name: 'Libur uji', kind: 'libur_nasional' });
    // Fri 10:55–11:00 = 5 min; Sat, Sun, Mon (holiday) closed; Tue 1 Dec 08:00 + 5 = 08:05
    expect(addWorkingMinutes(cal, wib('2026-11-27T10:55'), 10)).toBe(wib('2026-12-01T08:05'));
  });

  it('cuti bersama before Christmas', () => {
    const cal = pekalongan();
    cal.holidays.push(
      { date: '2026-12-24', name: 'Cuti bersama Hari Raya Natal', kind: 'cuti_bersama' },
      { date: '2026-12-25', name: 'Hari Raya Natal', kind: 'libur_nasional' },
    );
    // Wed 23 Dec 15:00–15:45 = 45 min; Thu 24 (cuti bersama), Fri 25 (Natal), Sat, Sun closed;
    // Mon 28 Dec 08:00 + 15 = 08:15
    expect(addWorkingMinutes(cal, wib('2026-12-23T15:00'), 60)).toBe(wib('2026-12-28T08:15'));
    expect(isWorkingDay(cal, '2026-12-24')).toBe(false);
    expect(isWorkingDay(cal, '2026-12-28')).toBe(true);
  });

  it('a partial closure cuts working time within the day', () => {
    const cal = pekalongan();
    cal.closures.push({ start: wib('2026-11-24T09:00'), end: wib('2026-11-24T10:30'), reason: 'Listrik padam' });
    // Tue 08:30–09:00 = 30 min; closed 09:00–10:30; 10:30 + 30 = 11:00
    expect(addWorkingMinutes(cal, wib('2026-11-24T08:30'), 60)).toBe(wib('2026-11-24T11:00'));
    expect(isWorkingInstant(cal, wib('2026-11-24T10:00'))).toBe(false);
    expect(nextWorkingInstant(cal, wib('2026-11-24T10:00'))).toBe(wib('2026-11-24T10:30'));
    // Tue 08:00–16:00: 60 (08–09) + 90 (10:30–12:00) + 165 (13:00–15:45) = 315
    expect(workingMinutesBetween(cal, wib('2026-11-24T08:00'), wib('2026-11-24T16:00'))).toBe(315);
    expect(workingIntervalsOn(cal, '2026-11-24')).toEqual([
      { start: wib('2026-11-24T08:00'), end: wib('2026-11-24T09:00') },
      { start: wib('2026-11-24T10:30'), end: wib('2026-11-24T12:00') },
      { start: wib('2026-11-24T13:00'), end: wib('2026-11-24T15:45') },
    ]);
  });

  it('throws in Indonesian instead of looping when there is no working time ahead', () => {
    const cal = pekalongan();
    cal.closures.push({ start: wib('2026-01-01T00:00'), end: wib('2040-01-01T00:00'), reason: 'Kantor pindah' });
    expect(() => addWorkingMinutes(cal, wib('2026-11-23T08:00'), 5)).toThrow(/tidak memiliki waktu kerja/);
    expect(() => nextWorkingInstant(cal, wib('2026-11-23T08:00'))).toThrow(/tidak memiliki waktu kerja/);
    expect(() => addWorkingDays(cal, wib('2026-11-23T08:00'), 1)).toThrow(/tidak memiliki waktu kerja/);
    const empty = createCalendar('Asia/Jakarta', [[], [], [], [], [], [], []]);
    expect(() => addWorkingMinutes(empty, wib('2026-11-23T08:00'), 5)).toThrow(/Tidak ada jam kerja/);
  });
});

describe('time zones', () => {
  it('the same wall-clock time in WITA and WIB gives instants one hour apart', () => {
    const jakarta = pekalongan();
    const makassar = createCalendar('Asia/Makassar', PEKALONGAN_WEEK);
    // both: Thu 15:43 + 5 → Fri 08:03 local; 08:03 WIB = 01:03Z, 08:03 WITA = 00:03Z
    const inWib = addWorkingMinutes(jakarta, wib('2026-11-26T15:43'), 5);
    const inWita = addWorkingMinutes(makassar, wita('2026-11-26T15:43'), 5);
    expect(inWib).toBe('2026-11-27T01:03:00.000Z');
    expect(inWita).toBe('2026-11-27T00:03:00.000Z');
    expect(Date.parse(inWib) - Date.parse(inWita)).toBe(60 * 60_000);
  });

  it('WIT office hours: 08:00 WIT is 23:00Z the day before', () => {
    const jayapura = createCalendar('Asia/Jayapura', PEKALONGAN_WEEK);
    // Sat 10:00 WIT → Mon 08:00 WIT = Sun 23:00Z
    expect(nextWorkingInstant(jayapura, wit('2026-11-28T10:00'))).toBe('2026-11-29T23:00:00.000Z');
    // Mon 07:30 WIT (= Sun 22:30Z) is not working in Jayapura, but 22:30Z Sunday is 05:30 Mon WIB
    expect(isWorkingInstant(jayapura, '2026-11-29T22:30:00.000Z')).toBe(false);
  });
});

describe('isWorkingInstant and nextWorkingInstant', () => {
  const cal = pekalongan();

  it('ranges are half-open', () => {
    expect(isWorkingInstant(cal, wib('2026-11-23T08:00'))).toBe(true);
    expect(isWorkingInstant(cal, wib('2026-11-23T11:59'))).toBe(true);
    expect(isWorkingInstant(cal, wib('2026-11-23T12:00'))).toBe(false);
    expect(isWorkingInstant(cal, wib('2026-11-27T10:59'))).toBe(true);
    expect(isWorkingInstant(cal, wib('2026-11-27T11:00'))).toBe(false);
    expect(isWorkingInstant(cal, wib('2026-11-28T10:00'))).toBe(false);
  });

  it('returns the instant itself when working, else the next start', () => {
    const nine = wib('2026-11-23T09:00');
    expect(nextWorkingInstant(cal, nine)).toBe(nine);
    // in the break → 13:00
    expect(nextWorkingInstant(cal, wib('2026-11-23T12:30'))).toBe(wib('2026-11-23T13:00'));
    // Thu after closing → Fri 08:00
    expect(nextWorkingInstant(cal, wib('2026-11-26T16:00'))).toBe(wib('2026-11-27T08:00'));
    // Fri 11:00 is the end (exclusive) → Mon 08:00
    expect(nextWorkingInstant(cal, wib('2026-11-27T11:00'))).toBe(wib('2026-11-30T08:00'));
  });
});

describe('workingMinutesBetween', () => {
  const cal = pekalongan();

  it('across a weekend and a break', () => {
    // Fri 10:00–11:00 = 60; Mon 08:00–12:00 = 240; Mon 13:00–14:00 = 60 → 360
    expect(workingMinutesBetween(cal, wib('2026-11-27T10:00'), wib('2026-11-30T14:00'))).toBe(360);
  });

  it('is 0 inside a break and when b ≤ a', () => {
    expect(workingMinutesBetween(cal, wib('2026-11-23T12:10'), wib('2026-11-23T12:50'))).toBe(0);
    expect(workingMinutesBetween(cal, wib('2026-11-23T10:00'), wib('2026-11-23T09:00'))).toBe(0);
    expect(workingMinutesBetween(cal, wib('2026-11-23T10:00'), wib('2026-11-23T10:00'))).toBe(0);
  });

  it('a whole week is 1800 minutes', () => {
    // Sun 23 Nov 00:00 → Sun 30 Nov 00:00 covers one full pattern week
    expect(workingMinutesBetween(cal, wib('2026-11-22T00:00'), wib('2026-11-29T00:00'))).toBe(1800);
  });
});

describe('addWorkingDays (H+N)', () => {
  it('Thu 15:30 + 2 days → Fri (1), Mon (2) → Mon 15:45', () => {
    expect(addWorkingDays(pekalongan(), wib('2026-11-26T15:30'), 2)).toBe(wib('2026-11-30T15:45'));
  });

  it('the start day is never counted, a Friday ends at 11:00', () => {
    const cal = pekalongan();
    // Wed 09:00 + 2 → Thu (1), Fri (2) → Fri 11:00
    expect(addWorkingDays(cal, wib('2026-11-25T09:00'), 2)).toBe(wib('2026-11-27T11:00'));
    // Sat + 1 → Sun closed, Mon (1) → Mon 15:45
    expect(addWorkingDays(cal, wib('2026-11-28T10:00'), 1)).toBe(wib('2026-11-30T15:45'));
    // 0 days: unchanged
    expect(addWorkingDays(cal, wib('2026-11-28T10:00'), 0)).toBe(wib('2026-11-28T10:00'));
  });

  it('skips a holiday, and a closure shortens the last day', () => {
    const cal = pekalongan();
    cal.holidays.push({ date: '2026-11-30', name: 'Libur uji', kind: 'libur_nasional' });
    // Thu + 2 → Fri (1), Mon holiday, Tue 1 Dec (2) → Tue 15:45
    expect(addWorkingDays(cal, wib('2026-11-26T15:30'), 2)).toBe(wib('2026-12-01T15:45'));
    cal.closures.push({ start: wib('2026-12-01T14:00'), end: wib('2026-12-01T16:00'), reason: 'Upacara' });
    // the office closes at 14:00 that Tuesday
    expect(addWorkingDays(cal, wib('2026-11-26T15:30'), 2)).toBe(wib('2026-12-01T14:00'));
    expect(workingDaysBetween(cal, wib('2026-11-26T15:30'), wib('2026-12-01T14:00'))).toBe(2);
  });

  it('the day a deadline falls on starts at 08:00', () => {
    expect(deadlineDayStart(pekalongan(), wib('2026-11-30T15:45'))).toBe(wib('2026-11-30T08:00'));
  });
});

describe('Perpres 21/2023 week', () => {
  it('Friday has a 90-minute break', () => {
    const cal = createCalendar('Asia/Jakarta', PERPRES_21_2023_WEEK);
    // Fri 11:00–11:30 = 30; break 11:30–13:00; 13:00 + 30 = 13:30
    expect(addWorkingMinutes(cal, wib('2026-11-27T11:00'), 60)).toBe(wib('2026-11-27T13:30'));
    // Thu 15:30–16:00 = 30; Fri 07:30 + 30 = 08:00
    expect(addWorkingMinutes(cal, wib('2026-11-26T15:30'), 60)).toBe(wib('2026-11-27T08:00'));
  });
});

describe('validateCalendar', () => {
  const base = (): WorkingCalendar => pekalongan();

  it('names overlapping ranges and the day', () => {
    const cal = base();
    cal.week = PEKALONGAN_WEEK.map((r) => [...r]);
    cal.week[1] = [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '13:00' }];
    expect(validateCalendar(cal)).toEqual(['Senin: rentang 08:00–12:00 dan 11:00–13:00 tumpang tindih']);
  });

  it('an end before the start, a bad clock, no working time, a short week', () => {
    const cal = base();
    cal.week = PEKALONGAN_WEEK.map((r) => [...r]);
    cal.week[2] = [{ start: '13:00', end: '12:00' }];
    cal.week[3] = [{ start: '8:00', end: '12:00' }];
    expect(validateCalendar(cal)).toEqual([
      'Selasa: jam selesai 12:00 harus sesudah jam mulai 13:00',
      'Rabu: jam mulai "8:00" tidak sah (gunakan format JJ:MM, mis. 08:00)',
    ]);
    expect(validateCalendar(createCalendar('Asia/Jakarta', [[], [], [], [], [], [], []]))).toEqual([
      'Tidak ada jam kerja sama sekali dalam seminggu',
    ]);
    expect(validateCalendar(createCalendar('Asia/Jakarta', PEKALONGAN_WEEK.slice(0, 6)))).toEqual([
      'Jadwal mingguan harus berisi 7 hari (Minggu sampai Sabtu), bukan 6',
    ]);
  });

  it('holidays and closures', () => {
    const cal = base();
    cal.holidays = [
      { date: '2026-08-17', name: 'Hari Kemerdekaan', kind: 'libur_nasional' },
      { date: '2026-08-17', name: 'Lagi', kind: 'penutupan' },
      { date: '2026-02-30', name: 'Tidak ada', kind: 'libur_nasional' },
    ];
    cal.closures = [{ start: wib('2026-11-24T10:00'), end: wib('2026-11-24T09:00'), reason: 'Salah' }];
    expect(validateCalendar(cal)).toEqual([
      'Hari libur ganda pada tanggal 2026-08-17',
      'Hari libur "Tidak ada": tanggal "2026-02-30" tidak sah (gunakan format TTTT-BB-HH)',
      'Penutupan "Salah": waktu selesai harus sesudah waktu mulai',
    ]);
    expect(() => addWorkingMinutes(cal, wib('2026-11-23T08:00'), 5)).toThrow(/^Kalender kerja tidak sah: Hari libur ganda/);
  });
});

describe('properties', () => {
  const cal = pekalongan();
  cal.holidays.push(
    { date: '2026-08-17', name: 'Hari Kemerdekaan', kind: 'libur_nasional' },
    { date: '2026-12-24', name: 'Cuti bersama', kind: 'cuti_bersama' },
    { date: '2026-12-25', name: 'Natal', kind: 'libur_nasional' },
    { date: '2027-01-01', name: 'Tahun Baru', kind: 'libur_nasional' },
  );
  cal.closures.push({ start: wib('2026-11-24T09:00'), end: wib('2026-11-24T10:30'), reason: 'Listrik padam' });

  const from = Date.parse('2026-01-01T00:00:00.000Z');
  const to = Date.parse('2027-12-31T00:00:00.000Z');
  // any instant in 2026–2027, to the millisecond
  const instant = fc.integer({ min: from, max: to }).map((ms) => new Date(ms).toISOString());
  const minutes = fc.integer({ min: 0, max: 5000 });

  it('adding d1 then d2 equals adding d1 + d2', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (start, d1, d2) => {
        expect(addWorkingMinutes(cal, addWorkingMinutes(cal, start, d1), d2)).toBe(addWorkingMinutes(cal, start, d1 + d2));
      }),
    );
  });

  it('workingMinutesBetween(start, start + d) === d', () => {
    fc.assert(
      fc.property(instant, minutes, (raw, d) => {
        const start = nextWorkingInstant(cal, raw);
        expect(isWorkingInstant(cal, start)).toBe(true);
        expect(workingMinutesBetween(cal, start, addWorkingMinutes(cal, start, d))).toBe(d);
        // it also holds from a non-working start
        expect(workingMinutesBetween(cal, raw, addWorkingMinutes(cal, raw, d))).toBe(d);
      }),
    );
  });

  it('is monotonic in d', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (start, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(Date.parse(addWorkingMinutes(cal, start, lo))).toBeLessThanOrEqual(Date.parse(addWorkingMinutes(cal, start, hi)));
      }),
    );
  });

  it('a positive amount ends on a working instant or the exact end of a working range', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 5000 }), (start, d) => {
        const end = addWorkingMinutes(cal, start, d);
        const endsARange = workingIntervalsOn(cal, localIsoDate(end, cal.timeZone)).some((iv) => iv.end === end);
        expect(isWorkingInstant(cal, end) || endsARange).toBe(true);
      }),
    );
  });

  it('addWorkingDays lands at the end of the N-th working day after the start day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 }), (start, n) => {
        const due = addWorkingDays(cal, start, n);
        expect(workingDaysBetween(cal, start, due)).toBe(n);
        const intervals = workingIntervalsOn(cal, localIsoDate(due, cal.timeZone));
        expect(intervals[intervals.length - 1]?.end).toBe(due);
      }),
    );
  });
});
