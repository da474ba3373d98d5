import { describe, expect, it } from 'vitest';
import {
  PEKALONGAN_WEEK,
  PERPRES_21_2023_WEEK,
  addWorkingMinutes,
  createCalendar,
  type WorkingCalendar,
} from '../../shared/domain/calendar';
import { localDateTimeToUtc } from '../../shared/domain/dates';
import {
  computeTiming,
  describeStandard,
  estimatedCompletion,
  parseStandard,
  scheduleSteps,
  type TimeStandard,
} from '../../shared/domain/timing';

// November 2026: Mon 23, Tue 24, Wed 25, Thu 26, Fri 27, Sat 28, Sun 29, Mon 30; Tue 1 December.
const wib = (local: string) => localDateTimeToUtc(local, 'Asia/Jakarta');
const wita = (local: string) => localDateTimeToUtc(local, 'Asia/Makassar');

// Pekalongan: Mon–Thu 08:00–12:00 + 13:00–15:45, Fri 08:00–11:00 (WIB).
const pekalongan = (): WorkingCalendar => createCalendar('Asia/Jakarta', PEKALONGAN_WEEK);
// Perpres 21/2023: Mon–Thu 07:30–12:00 + 13:00–16:00 (450 min), Fri 07:30–11:30 + 13:00–16:30.
const perpres = (zone: 'Asia/Jakarta' | 'Asia/Makassar'): WorkingCalendar => createCalendar(zone, PERPRES_21_2023_WEEK);

const minutes = (value: number): TimeStandard => ({ kind: 'minutes', value });
const hours = (value: number): TimeStandard => ({ kind: 'hours', value });

describe('computeTiming: minutes and hours', () => {
  const cal = pekalongan();
  const running = [{ start: wib('2026-11-23T09:00'), end: null }];

  it('10 minutes: on track, at risk from 75 %, late after the standard', () => {
    // due 09:00 + 10 = 09:10; warn at 0.75 × 10 = 7.5 min → 09:07:30
    const onTrack = computeTiming(cal, minutes(10), running, wib('2026-11-23T09:05'));
    expect(onTrack).toEqual({
      elapsedMinutes: 5,
      dueAt: wib('2026-11-23T09:10'),
      warnAt: '2026-11-23T02:07:30.000Z',
      status: 'on_track',
      standardMinutes: 10,
      remainingMinutes: 5,
    });
    expect(computeTiming(cal, minutes(10), running, wib('2026-11-23T09:08')).status).toBe('at_risk');
    // exactly at the due instant it is not late yet
    expect(computeTiming(cal, minutes(10), running, wib('2026-11-23T09:10')).status).toBe('at_risk');
    const late = computeTiming(cal, minutes(10), running, wib('2026-11-23T09:11'));
    expect(late.status).toBe('late');
    expect(late.elapsedMinutes).toBe(11);
    expect(late.remainingMinutes).toBe(0);
  });

  it('a custom at-risk share', () => {
    // share 0.5 → warn at 5 min → 09:05
    const t = computeTiming(cal, minutes(10), running, wib('2026-11-23T09:05'), { atRiskShare: 0.5 });
    expect(t.warnAt).toBe(wib('2026-11-23T09:05'));
    expect(t.status).toBe('at_risk');
    expect(() => computeTiming(cal, minutes(10), running, wib('2026-11-23T09:05'), { atRiskShare: 1.5 })).toThrow(/antara 0 dan 1/);
  });

  it('2 hours from Thu 15:30 run over the weekend boundary', () => {
    const intervals = [{ start: wib('2026-11-26T15:30'), end: null }];
    // due: 15 min Thu + 105 min Fri → Fri 09:45; warn: 90 min → 15 Thu + 75 Fri → Fri 09:15
    const early = computeTiming(cal, hours(2), intervals, wib('2026-11-27T09:00'));
    // elapsed: Thu 15 + Fri 08:00–09:00 60 = 75
    expect(early).toMatchObject({ elapsedMinutes: 75, dueAt: wib('2026-11-27T09:45'), warnAt: wib('2026-11-27T09:15'), status: 'on_track', remainingMinutes: 45 });
    // Thu 16:30 after closing: still 15 min elapsed, on track
    expect(computeTiming(cal, hours(2), intervals, wib('2026-11-26T16:30'))).toMatchObject({ elapsedMinutes: 15, status: 'on_track', remainingMinutes: 105 });
    expect(computeTiming(cal, hours(2), intervals, wib('2026-11-27T09:20')).status).toBe('at_risk');
    // Fri 10:00: 15 + 120 = 135 elapsed > 120
    expect(computeTiming(cal, hours(2), intervals, wib('2026-11-27T10:00'))).toMatchObject({ elapsedMinutes: 135, status: 'late' });
  });

  it('a standard that runs out at closing time is late after closing', () => {
    // 45 min from Thu 15:00 → due 15:45 (closing); at 16:00 the elapsed time equals the standard,
    // but the deadline has passed
    const t = computeTiming(cal, minutes(45), [{ start: wib('2026-11-26T15:00'), end: null }], wib('2026-11-26T16:00'));
    expect(t).toMatchObject({ elapsedMinutes: 45, dueAt: wib('2026-11-26T15:45'), status: 'late' });
  });
});

describe('computeTiming: a range "12–24 jam" (SOP D step 3, Pontianak)', () => {
  // Perpres week in WIB: Mon–Thu 450 min a day.
  const cal = perpres('Asia/Jakarta');
  const standard = parseStandard('12-24 Jam');
  if (!standard) throw new Error('unparsed');
  const intervals = [{ start: wib('2026-11-23T07:30'), end: null }];
  // lower 720 min: Mon 450 (07:30–16:00), Tue 270 (07:30–12:00) → Tue 12:00
  // upper 1440 min: Mon 450, Tue 450, Wed 450 (= 1350), Thu 90 → Thu 09:00
  const warnAt = wib('2026-11-24T12:00');
  const dueAt = wib('2026-11-26T09:00');

  it('on track before 12 working hours', () => {
    // Tue 10:00: 450 + 150 = 600
    expect(computeTiming(cal, standard, intervals, wib('2026-11-24T10:00'))).toEqual({
      elapsedMinutes: 600, dueAt, warnAt, status: 'on_track', standardMinutes: 1440, remainingMinutes: 840,
    });
  });

  it('at risk between 12 and 24 working hours', () => {
    // Tue 12:30 (break): exactly 720 elapsed → at risk
    expect(computeTiming(cal, standard, intervals, wib('2026-11-24T12:30'))).toMatchObject({ elapsedMinutes: 720, status: 'at_risk' });
    // Wed 09:00: 900 + 90 = 990
    expect(computeTiming(cal, standard, intervals, wib('2026-11-25T09:00'))).toMatchObject({ elapsedMinutes: 990, status: 'at_risk' });
  });

  it('late after 24 working hours', () => {
    // Thu 10:00: 1350 + 150 = 1500
    expect(computeTiming(cal, standard, intervals, wib('2026-11-26T10:00'))).toMatchObject({ elapsedMinutes: 1500, dueAt, warnAt, status: 'late' });
  });
});

describe('computeTiming: pause and resume', () => {
  const cal = pekalongan();
  // Ran Mon 09:00–10:00 (60 min), paused until Tue 10:00, running again since.
  // Paused working time: Mon 10–12 (120) + 13–15:45 (165) + Tue 08–10 (120) = 405 min.
  const intervals = [
    { start: wib('2026-11-23T09:00'), end: wib('2026-11-23T10:00') },
    { start: wib('2026-11-24T10:00'), end: null },
  ];

  it('while paused: status paused, no deadline, the clock stopped', () => {
    const t = computeTiming(cal, hours(2), intervals.slice(0, 1), wib('2026-11-23T14:00'));
    expect(t).toEqual({ elapsedMinutes: 60, dueAt: null, warnAt: null, status: 'paused', standardMinutes: 120 });
  });

  it('after resuming, the paused time does not count and dueAt moves by exactly the paused working time', () => {
    // 60 min done; 60 left from Tue 10:00 → Tue 11:00. Without the pause: Mon 09:00 + 120 → Mon 11:00.
    const t = computeTiming(cal, hours(2), intervals, wib('2026-11-24T10:15'));
    expect(t).toMatchObject({ elapsedMinutes: 75, dueAt: wib('2026-11-24T11:00'), status: 'on_track' });
    // warn at 90 min: 60 + 30 → Tue 10:30
    expect(t.warnAt).toBe(wib('2026-11-24T10:30'));
    const unpaused = computeTiming(cal, hours(2), [{ start: wib('2026-11-23T09:00'), end: null }], wib('2026-11-23T09:30'));
    expect(unpaused.dueAt).toBe(wib('2026-11-23T11:00'));
    expect(addWorkingMinutes(cal, unpaused.dueAt ?? '', 405)).toBe(t.dueAt);
    expect(computeTiming(cal, hours(2), intervals, wib('2026-11-24T10:30')).status).toBe('at_risk');
  });

  it('a step without intervals has not started: paused', () => {
    expect(computeTiming(cal, hours(2), [], wib('2026-11-24T10:30'))).toMatchObject({ elapsedMinutes: 0, dueAt: null, status: 'paused' });
  });

  it('refuses an open interval that is not the last, and overlapping intervals', () => {
    expect(() =>
      computeTiming(cal, hours(2), [{ start: wib('2026-11-23T09:00'), end: null }, { start: wib('2026-11-24T09:00'), end: null }], wib('2026-11-24T10:00')),
    ).toThrow(/periode terakhir/);
    expect(() =>
      computeTiming(
        cal,
        hours(2),
        [{ start: wib('2026-11-23T09:00'), end: wib('2026-11-23T11:00') }, { start: wib('2026-11-23T10:00'), end: null }],
        wib('2026-11-24T10:00'),
      ),
    ).toThrow(/tumpang tindih/);
  });
});

describe('computeTiming: a calendar edit moves the deadline when recomputed', () => {
  it('adding a holiday on Friday moves 2 hours from Thu 15:30 to Monday', () => {
    const cal = pekalongan();
    const intervals = [{ start: wib('2026-11-26T15:30'), end: null }];
    const now = wib('2026-11-26T15:40');
    // before: 15 Thu + 105 Fri → Fri 09:45
    expect(computeTiming(cal, hours(2), intervals, now).dueAt).toBe(wib('2026-11-27T09:45'));
    cal.holidays.push({ date: '2026-11-27', name: 'Libur uji', kind: 'libur_nasional' });
    // after: 15 Thu; Fri holiday, Sat, Sun; Mon 08:00 + 105 → Mon 09:45
    expect(computeTiming(cal, hours(2), intervals, now).dueAt).toBe(wib('2026-11-30T09:45'));
  });
});

describe('computeTiming: working days ("2 Hari", SOP C step 6, Tarakan in WITA)', () => {
  const cal = perpres('Asia/Makassar');
  const standard = parseStandard('2 Hari');
  if (!standard) throw new Error('unparsed');
  const start = wita('2026-11-26T10:00');
  // H+2 from Thu: Fri (1), Mon (2) → Mon 30 Nov 16:00 WITA; at risk from Mon 07:30 WITA.
  // Budget: Thu 10–12 (120) + 13–16 (180) + Fri 450 + Mon 450 = 1200 min.

  it('on track, at risk on the last day, late after it', () => {
    const running = [{ start, end: null }];
    expect(computeTiming(cal, standard, running, wita('2026-11-27T14:00'))).toMatchObject({
      dueAt: wita('2026-11-30T16:00'),
      warnAt: wita('2026-11-30T07:30'),
      status: 'on_track',
      standardMinutes: 1200,
      // Thu 300 + Fri 07:30–11:30 (240) + 13:00–14:00 (60) = 600
      elapsedMinutes: 600,
      remainingMinutes: 600,
    });
    expect(computeTiming(cal, standard, running, wita('2026-11-30T09:00')).status).toBe('at_risk');
    expect(computeTiming(cal, standard, running, wita('2026-11-30T16:30')).status).toBe('late');
  });

  it('a pause pushes the deadline by its working time', () => {
    // ran Thu 10:00 → Fri 10:00, paused Fri 10:00–15:00: 10:00–11:30 (90) + 13:00–15:00 (120) = 210
    // due: Mon 16:00 + 210 → Tue 1 Dec 07:30 + 210 = 11:00; at risk from Tue 07:30
    const intervals = [
      { start, end: wita('2026-11-27T10:00') },
      { start: wita('2026-11-27T15:00'), end: null },
    ];
    // Mon 16:30 would be late without the pause; elapsed: Thu 300 + Fri 07:30–10:00 (150)
    // + Fri 15:00–16:30 (90) + Mon 450 = 990
    expect(computeTiming(cal, standard, intervals, wita('2026-11-30T16:30'))).toMatchObject({
      elapsedMinutes: 990,
      dueAt: wita('2026-12-01T11:00'),
      warnAt: wita('2026-12-01T07:30'),
      status: 'on_track',
    });
    expect(computeTiming(cal, standard, intervals, wita('2026-12-01T09:00')).status).toBe('at_risk');
    expect(computeTiming(cal, standard, intervals, wita('2026-12-01T11:30')).status).toBe('late');
    expect(computeTiming(cal, standard, intervals.slice(0, 1), wita('2026-11-27T12:00'))).toMatchObject({ status: 'paused', dueAt: null });
  });

  it('done on time and done late', () => {
    expect(computeTiming(cal, standard, [{ start, end: wita('2026-11-30T15:00') }], wita('2026-12-02T09:00'), { done: true })).toMatchObject({
      status: 'done',
      dueAt: wita('2026-11-30T16:00'),
    });
    expect(computeTiming(cal, standard, [{ start, end: wita('2026-12-01T09:00') }], wita('2026-12-02T09:00'), { done: true }).status).toBe('done_late');
  });
});

describe('computeTiming: done, and steps without a standard', () => {
  const cal = pekalongan();

  it('done within the standard, done late, done while still open', () => {
    const start = wib('2026-11-23T09:00');
    const done = computeTiming(cal, minutes(10), [{ start, end: wib('2026-11-23T09:08') }], wib('2026-11-23T11:00'), { done: true });
    expect(done).toEqual({ elapsedMinutes: 8, dueAt: wib('2026-11-23T09:10'), warnAt: '2026-11-23T02:07:30.000Z', status: 'done', standardMinutes: 10 });
    expect(computeTiming(cal, minutes(10), [{ start, end: wib('2026-11-23T09:20') }], wib('2026-11-23T11:00'), { done: true })).toMatchObject({
      elapsedMinutes: 20,
      status: 'done_late',
    });
    // an open interval marked done ends now
    expect(computeTiming(cal, minutes(10), [{ start, end: null }], wib('2026-11-23T09:09'), { done: true })).toMatchObject({
      elapsedMinutes: 9,
      status: 'done',
    });
  });

  it('no standard', () => {
    const running = [{ start: wib('2026-11-23T09:00'), end: null }];
    const none: TimeStandard = { kind: 'none' };
    expect(computeTiming(cal, none, running, wib('2026-11-23T10:00'))).toEqual({ elapsedMinutes: 60, dueAt: null, warnAt: null, status: 'no_standard' });
    expect(computeTiming(cal, none, running, wib('2026-11-23T10:00'), { done: true }).status).toBe('done');
    expect(computeTiming(cal, none, [{ start: wib('2026-11-23T09:00'), end: wib('2026-11-23T09:30') }], wib('2026-11-23T10:00')).status).toBe('paused');
  });
});

describe('parseStandard and describeStandard', () => {
  // Every time string in the SOPs, as written there.
  const cases: Array<[string, TimeStandard, string]> = [
    ['5 menit', { kind: 'minutes', value: 5 }, '5 menit'],
    ['5 Menit', { kind: 'minutes', value: 5 }, '5 menit'],
    ['10 menit', { kind: 'minutes', value: 10 }, '10 menit'],
    ['2 jam', { kind: 'hours', value: 2 }, '2 jam'],
    ['1 jam', { kind: 'hours', value: 1 }, '1 jam'],
    ['30 menit', { kind: 'minutes', value: 30 }, '30 menit'],
    ['2 Menit', { kind: 'minutes', value: 2 }, '2 menit'],
    ['3 Menit', { kind: 'minutes', value: 3 }, '3 menit'],
    ['2 Hari', { kind: 'days', value: 2 }, '2 hari kerja'],
    ['2 hari kerja', { kind: 'days', value: 2 }, '2 hari kerja'],
    ['7 hari kerja', { kind: 'days', value: 7 }, '7 hari kerja'],
    ['12-24 Jam', { kind: 'range', min: 12, max: 24, unit: 'hours' }, '12–24 jam'],
    ['12–24 Jam', { kind: 'range', min: 12, max: 24, unit: 'hours' }, '12–24 jam'],
    ['8-24 jam', { kind: 'range', min: 8, max: 24, unit: 'hours' }, '8–24 jam'],
    ['15 menit', { kind: 'minutes', value: 15 }, '15 menit'],
    ['-', { kind: 'none' }, '–'],
    ['–', { kind: 'none' }, '–'],
    ['  2  Jam ', { kind: 'hours', value: 2 }, '2 jam'],
    ['1,5 jam', { kind: 'hours', value: 1.5 }, '1,5 jam'],
    ['10 - 20 menit', { kind: 'range', min: 10, max: 20, unit: 'minutes' }, '10–20 menit'],
  ];

  it.each(cases)('%s', (text, standard, description) => {
    expect(parseStandard(text)).toEqual(standard);
    expect(describeStandard(standard)).toBe(description);
    // what we write reads back the same
    expect(parseStandard(describeStandard(standard))).toEqual(standard.kind === 'days' ? { kind: 'days', value: standard.value } : standard);
  });

  it('null for what is not a time standard', () => {
    for (const text of ['', 'segera', '24-12 jam', '1,5 hari', '5', 'menit', '-5 menit']) expect(parseStandard(text)).toBeNull();
  });
});

describe('scheduleSteps', () => {
  it('SOP A (Pekalongan hosting) received Thursday 15:30 WIB', () => {
    const steps = ['-', '5 menit', '5 menit', '5 menit', '10 menit', '2 jam', '1 jam', '30 menit', '5 menit', '5 menit'].map((text) => {
      const s = parseStandard(text);
      if (!s) throw new Error(text);
      return s;
    });
    const cal = pekalongan();
    const received = wib('2026-11-26T15:30');
    // Thursday closes 15:45; Friday is 08:00–11:00; then Monday 30 November.
    //  1 OPD sends the letter        –       starts Thu 15:30, no deadline, takes no time
    //  2 TU receives, hands to Kadis  5 min   Thu 15:30 → 15:35
    //  3 Kadis disposes              5 min   Thu 15:35 → 15:40
    //  4 Kabid disposes              5 min   Thu 15:40 → 15:45 (exactly at closing)
    //  5 Kasi verifies              10 min   Thu 15:45 → Fri 08:10 (nothing left Thu; 08:00 + 10)
    //  6 creates domain, server      2 h     Fri 08:10 → 10:10 (120 min inside 08:00–11:00)
    //  7 Kabid reports to Kadis      1 h     Fri 10:10 → 50 min to 11:00, 10 min Mon → Mon 08:10
    //  8 Kadis approves             30 min   Mon 08:10 → 08:40
    //  9 sends the document          5 min   Mon 08:40 → 08:45
    // 10 OPD receives                5 min   Mon 08:45 → 08:50
    // Total 245 working min = 15 (Thu) + 180 (Fri) + 50 (Mon), within the SOP's 2 working days (Mon 15:45).
    expect(scheduleSteps(cal, steps, received)).toEqual([
      { start: wib('2026-11-26T15:30'), due: null },
      { start: wib('2026-11-26T15:30'), due: wib('2026-11-26T15:35') },
      { start: wib('2026-11-26T15:35'), due: wib('2026-11-26T15:40') },
      { start: wib('2026-11-26T15:40'), due: wib('2026-11-26T15:45') },
      { start: wib('2026-11-26T15:45'), due: wib('2026-11-27T08:10') },
      { start: wib('2026-11-27T08:10'), due: wib('2026-11-27T10:10') },
      { start: wib('2026-11-27T10:10'), due: wib('2026-11-30T08:10') },
      { start: wib('2026-11-30T08:10'), due: wib('2026-11-30T08:40') },
      { start: wib('2026-11-30T08:40'), due: wib('2026-11-30T08:45') },
      { start: wib('2026-11-30T08:45'), due: wib('2026-11-30T08:50') },
    ]);
    expect(estimatedCompletion(cal, steps, received)).toBe(wib('2026-11-30T08:50'));
  });

  it('SOP C (Tarakan) with a "2 Hari" step, Perpres week in WITA, received Monday 10:00', () => {
    const steps = ['2 Menit', '3 Menit', '2 Menit', '5 menit', '30 menit', '2 Hari', '2 Menit', '2 Menit'].map((text) => {
      const s = parseStandard(text);
      if (!s) throw new Error(text);
      return s;
    });
    // 10:00 → 10:02 → 10:05 → 10:07 → 10:12 → 10:42; H+2 from Mon → Tue (1), Wed (2) → Wed 16:00;
    // 2 min from Wed 16:00 (closing) → Thu 07:32; → 07:34
    const dues = scheduleSteps(perpres('Asia/Makassar'), steps, wita('2026-11-23T10:00')).map((s) => s.due);
    expect(dues).toEqual([
      wita('2026-11-23T10:02'),
      wita('2026-11-23T10:05'),
      wita('2026-11-23T10:07'),
      wita('2026-11-23T10:12'),
      wita('2026-11-23T10:42'),
      wita('2026-11-25T16:00'),
      wita('2026-11-26T07:32'),
      wita('2026-11-26T07:34'),
    ]);
  });

  it('a range counts at its upper bound', () => {
    // 8–24 jam from Mon 07:30 (Perpres, WIB) → 1440 min → Thu 09:00 (as in the range test above)
    const schedule = scheduleSteps(perpres('Asia/Jakarta'), [{ kind: 'range', min: 8, max: 24, unit: 'hours' }], wib('2026-11-23T07:30'));
    expect(schedule).toEqual([{ start: wib('2026-11-23T07:30'), due: wib('2026-11-26T09:00') }]);
  });
});
