/**
 * Time standards of SOP steps (mutu baku waktu) and the timing of a step computed from its
 * running intervals (pure: no Node, no DOM).
 *
 * Deadlines are never stored: `computeTiming` derives elapsed time, `dueAt` and `warnAt` from the
 * step's intervals and the calendar every time it is read, so a pause or a calendar edit (a holiday
 * added) cannot leave a stale deadline behind (GLPI #1912, Znuny #855).
 *
 * Conventions:
 * - Elapsed time is working time inside the step's active intervals; the gaps between intervals
 *   are pauses and never count.
 * - minutes / hours: `dueAt` is the instant at which the elapsed working time reaches the
 *   standard; `warnAt` the instant it reaches `atRiskShare` × standard (default 0.75).
 * - range ("12–24 jam"): `warnAt` = lower bound reached, `dueAt` = upper bound reached.
 * - days ("2 hari kerja"): `dueAt` = addWorkingDays(start of the first interval, N), pushed later by
 *   the working time of every pause. `warnAt` is the start of office hours on the day `dueAt` falls
 *   on: the step is at risk during its last working day (`atRiskShare` is not used for days).
 * - Status while running: 'late' once `now` is after `dueAt`, 'at_risk' from `warnAt` on,
 *   'on_track' before. For minutes/hours/ranges "now after dueAt" is the same as "elapsed working
 *   time over the standard", except that a step whose standard ran out at the close of office
 *   hours is late at once rather than the next morning.
 * - Done: pass `{ done: true }`. The completion instant is the end of the last interval (or `now`
 *   when it is still open); 'done_late' when it is after `dueAt`, else 'done'. `dueAt`/`warnAt` are
 *   still reported (projected past the completion when the standard was not used up).
 * - Paused (not done, last interval closed, or no interval yet): status 'paused', `dueAt` and
 *   `warnAt` null: the deadline is unknown until the clock runs again.
 * - Precedence: done/done_late, then paused, then 'no_standard' for a step with no time standard.
 */
import {
  addWorkingDays,
  addWorkingMilliseconds,
  deadlineDayStart,
  workingMillisecondsBetween,
  type WorkingCalendar,
} from './calendar';

export type TimeStandard =
  | { kind: 'none' }
  | { kind: 'minutes'; value: number }
  | { kind: 'hours'; value: number }
  /** "12–24 jam": on track before min, at risk between, late after max. */
  | { kind: 'range'; min: number; max: number; unit: 'minutes' | 'hours' }
  /** Working days ("2 hari kerja"), counted as H+N; a whole number. */
  | { kind: 'days'; value: number };

const MINUTE_MS = 60_000;

function formatNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** Indonesian: "5 menit", "2 jam", "12–24 jam", "2 hari kerja", "–". */
export function describeStandard(s: TimeStandard): string {
  switch (s.kind) {
    case 'none':
      return '–';
    case 'minutes':
      return `${formatNumber(s.value)} menit`;
    case 'hours':
      return `${formatNumber(s.value)} jam`;
    case 'range':
      return `${formatNumber(s.min)}–${formatNumber(s.max)} ${s.unit === 'hours' ? 'jam' : 'menit'}`;
    case 'days':
      return `${formatNumber(s.value)} hari kerja`;
  }
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const SINGLE = new RegExp(`^${NUMBER} ?(menit|mnt|jam|hari(?: kerja)?)$`);
const RANGE = new RegExp(`^${NUMBER} ?(?:-|s\\.?d\\.?|s/d|sampai) ?${NUMBER} ?(menit|mnt|jam)$`);

function toNumber(text: string | undefined): number {
  return Number((text ?? '').replace(',', '.'));
}

/**
 * Reads a time standard as the SOP tables write it: "5 menit", "2 Jam", "12-24 jam",
 * "12–24 Jam", "2 Hari", "2 hari kerja", "1,5 jam"; "-" or "–" is no standard. Null when the
 * text is not a time standard (also for an empty text, a range whose lower bound is above its
 * upper bound, and a fractional number of days).
 */
export function parseStandard(text: string): TimeStandard | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/ ?- ?/g, '-');
  if (t === '-' || t === '--') return { kind: 'none' };
  const range = RANGE.exec(t);
  if (range) {
    const min = toNumber(range[1]);
    const max = toNumber(range[2]);
    if (!(min <= max)) return null;
    return { kind: 'range', min, max, unit: range[3] === 'jam' ? 'hours' : 'minutes' };
  }
  const single = SINGLE.exec(t);
  if (!single) return null;
  const value = toNumber(single[1]);
  const unit = single[2] ?? '';
  if (unit.startsWith('hari')) return Number.isInteger(value) ? { kind: 'days', value } : null;
  return unit === 'jam' ? { kind: 'hours', value } : { kind: 'minutes', value };
}

/** The standard in working minutes (the upper bound for a range); null for none and days. */
export function standardMinutes(s: TimeStandard): number | null {
  switch (s.kind) {
    case 'minutes':
      return s.value;
    case 'hours':
      return s.value * 60;
    case 'range':
      return s.unit === 'hours' ? s.max * 60 : s.max;
    default:
      return null;
  }
}

function rangeMinMinutes(s: Extract<TimeStandard, { kind: 'range' }>): number {
  return s.unit === 'hours' ? s.min * 60 : s.min;
}

/** One running period of a step; the gaps between periods are pauses. `end` null = running now. */
export interface ActiveInterval {
  start: string;
  end: string | null;
}

export type TimingStatus = 'on_track' | 'at_risk' | 'late' | 'paused' | 'done' | 'done_late' | 'no_standard';

export interface StepTiming {
  /** Whole working minutes inside the active intervals (rounded down). */
  elapsedMinutes: number;
  /** When the standard runs out (the upper bound for a range); null while paused or without a standard. */
  dueAt: string | null;
  /** From when the step is at risk; null while paused or without a standard. */
  warnAt: string | null;
  status: TimingStatus;
  /**
   * The budget in working minutes: the standard (the upper bound for a range); for days, the
   * working minutes from the first start to the H+N deadline before pauses. Absent without a
   * standard (and for days before the first interval).
   */
  standardMinutes?: number;
  /** Working minutes left until `dueAt` (0 once late); only while the step is running. */
  remainingMinutes?: number;
}

export interface TimingOptions {
  /** Share of a minutes/hours standard after which the step is at risk; 0–1, default 0.75. */
  atRiskShare?: number;
  /** The step is finished; its completion is the end of the last interval (or `now` if open). */
  done?: boolean;
}

interface Span {
  start: string;
  startMs: number;
  /** Resolved end (an open interval ends at `now` here). */
  end: string;
  endMs: number;
}

function parseMs(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`${what} tidak sah: "${iso}"`);
  return ms;
}

/**
 * The intervals in order, checked: the closed ones with their ends, and the open one (the last,
 * still running) with its start only, since its end is whatever `now` is when it is read.
 */
function resolveIntervals(intervals: ActiveInterval[]): { closed: Span[]; open: { start: string; startMs: number } | null } {
  const sorted = intervals
    .map((iv) => ({ ...iv, startMs: parseMs(iv.start, 'Waktu mulai langkah') }))
    .sort((a, b) => a.startMs - b.startMs);
  const closed: Span[] = [];
  let open: { start: string; startMs: number } | null = null;
  let prevEndMs = -Infinity;
  let prevStart = '';
  sorted.forEach((iv, index) => {
    const isLast = index === sorted.length - 1;
    if (iv.end === null && !isLast) throw new Error('Hanya periode terakhir sebuah langkah yang boleh masih berjalan');
    if (iv.startMs < prevEndMs) throw new Error(`Periode langkah tumpang tindih: ${prevStart} dan ${iv.start}`);
    prevStart = iv.start;
    if (iv.end === null) {
      open = { start: iv.start, startMs: iv.startMs };
      return;
    }
    const endMs = parseMs(iv.end, 'Waktu selesai langkah');
    if (endMs < iv.startMs) throw new Error(`Periode langkah berakhir sebelum dimulai: ${iv.start} – ${iv.end}`);
    closed.push({ start: iv.start, startMs: iv.startMs, end: iv.end, endMs });
    prevEndMs = endMs;
  });
  return { closed, open };
}

/**
 * The instant at which the working time inside the spans reaches `targetMs`; the last span is
 * treated as continuing past its end (a projection when the target was not reached).
 */
function instantAtElapsed(cal: WorkingCalendar, spans: Array<{ start: string; end: string | null }>, targetMs: number): string {
  let acc = 0;
  for (let i = 0; i < spans.length; i += 1) {
    const span = spans[i];
    if (!span) continue;
    const need = targetMs - acc;
    if (i === spans.length - 1 || span.end === null) return addWorkingMilliseconds(cal, span.start, Math.max(0, Math.round(need)));
    const worked = workingMillisecondsBetween(cal, span.start, span.end);
    if (worked >= need) return addWorkingMilliseconds(cal, span.start, Math.max(0, Math.round(need)));
    acc += worked;
  }
  throw new Error('Langkah belum pernah berjalan');
}

/**
 * Everything about a step's timing that does not depend on the moment it is read: the working
 * time of its closed intervals, the start of the running one, and its deadline (a running step's
 * deadline is a projection that does not move while it runs). `timingAt` finishes it for a `now`;
 * a queue keeps plans of unchanged requests between reads.
 */
export interface TimingPlan {
  done: boolean;
  closedMs: number;
  open: { start: string; startMs: number } | null;
  /** End of the last closed interval (the completion of a done step whose intervals are closed). */
  lastEndMs: number | null;
  standardMinutes: number | null;
  /** Null when the step has no deadline now (no standard, never ran, paused). */
  deadline: { dueAt: string; warnAt: string; dueMs: number; warnMs: number } | null;
  /** The status when it does not depend on the deadline (paused, no standard, done without one). */
  fixed: TimingStatus | null;
}

export function planTiming(cal: WorkingCalendar, standard: TimeStandard, intervals: ActiveInterval[], options: TimingOptions = {}): TimingPlan {
  const share = options.atRiskShare ?? 0.75;
  if (!(share >= 0 && share <= 1)) throw new Error(`Ambang "hampir terlambat" harus antara 0 dan 1: ${share}`);
  const done = options.done === true;
  const { closed, open } = resolveIntervals(intervals);
  let closedMs = 0;
  for (const span of closed) closedMs += workingMillisecondsBetween(cal, span.start, span.end);
  const last = closed[closed.length - 1];
  const plan: TimingPlan = { done, closedMs, open, lastEndMs: last ? last.endMs : null, standardMinutes: standardMinutes(standard), deadline: null, fixed: null };
  const spans: Array<{ start: string; end: string | null }> = open ? [...closed, { start: open.start, end: null }] : closed;
  const first = spans[0];

  if (standard.kind === 'none') {
    plan.fixed = done ? 'done' : open ? 'no_standard' : 'paused';
    return plan;
  }
  if (!first) {
    plan.fixed = done ? 'done' : 'paused';
    return plan;
  }
  let dueAt: string;
  let warnAt: string;
  if (standard.kind === 'days') {
    const unpaused = addWorkingDays(cal, first.start, standard.value);
    plan.standardMinutes = Math.floor(workingMillisecondsBetween(cal, first.start, unpaused) / MINUTE_MS);
    if (!done && !open) {
      plan.fixed = 'paused';
      return plan;
    }
    let pausedMs = 0;
    for (let i = 1; i < spans.length; i += 1) {
      const prev = closed[i - 1];
      const cur = spans[i];
      if (prev && cur) pausedMs += workingMillisecondsBetween(cal, prev.end, cur.start);
    }
    dueAt = addWorkingMilliseconds(cal, unpaused, Math.round(pausedMs));
    warnAt = deadlineDayStart(cal, dueAt) ?? dueAt;
  } else {
    if (!done && !open) {
      plan.fixed = 'paused';
      return plan;
    }
    const upperMs = (plan.standardMinutes ?? 0) * MINUTE_MS;
    const warnMs = standard.kind === 'range' ? rangeMinMinutes(standard) * MINUTE_MS : share * upperMs;
    dueAt = instantAtElapsed(cal, spans, upperMs);
    warnAt = instantAtElapsed(cal, spans, warnMs);
  }
  plan.deadline = { dueAt, warnAt, dueMs: Date.parse(dueAt), warnMs: Date.parse(warnAt) };
  return plan;
}

/** The step's timing at `now` from its plan. */
export function timingAt(cal: WorkingCalendar, plan: TimingPlan, now: string): StepTiming {
  const nowMs = parseMs(now, 'Waktu sekarang');
  let elapsedMs = plan.closedMs;
  // A running interval ends now (or at its start, if the clock is behind it).
  const openEndMs = plan.open ? Math.max(nowMs, plan.open.startMs) : null;
  if (plan.open) elapsedMs += workingMillisecondsBetween(cal, plan.open.start, nowMs >= plan.open.startMs ? now : plan.open.start);
  const elapsedMinutes = Math.floor(elapsedMs / MINUTE_MS);
  const base: Pick<StepTiming, 'elapsedMinutes' | 'standardMinutes'> =
    plan.standardMinutes === null ? { elapsedMinutes } : { elapsedMinutes, standardMinutes: plan.standardMinutes };
  const deadline = plan.deadline;
  if (plan.fixed !== null || deadline === null) return { ...base, dueAt: null, warnAt: null, status: plan.fixed ?? 'paused' };
  const { dueAt, warnAt, dueMs, warnMs } = deadline;
  if (plan.done) {
    const completedMs = openEndMs ?? plan.lastEndMs ?? 0;
    return { ...base, dueAt, warnAt, status: completedMs > dueMs ? 'done_late' : 'done' };
  }
  const status: TimingStatus = nowMs > dueMs ? 'late' : nowMs >= warnMs ? 'at_risk' : 'on_track';
  const remainingMinutes = Math.floor(workingMillisecondsBetween(cal, now, dueAt) / MINUTE_MS);
  return { ...base, dueAt, warnAt, status, remainingMinutes };
}

/** The step's timing now. See the conventions at the top of this file. */
export function computeTiming(
  cal: WorkingCalendar,
  standard: TimeStandard,
  intervals: ActiveInterval[],
  now: string,
  options: TimingOptions = {},
): StepTiming {
  return timingAt(cal, planTiming(cal, standard, intervals, options), now);
}

export interface ScheduledStep {
  start: string;
  /** Null for a step without a time standard (it takes no time). */
  due: string | null;
}

/**
 * Chains steps back to back from `startIso`: each step starts when the previous one is due; a
 * step without a standard takes no time. A range counts at its upper bound (the estimate is
 * conservative); days count as H+N from the step's start. Used by `loket schedule` and the
 * receipt's "estimasi selesai" (the last non-null `due`).
 */
export function scheduleSteps(cal: WorkingCalendar, steps: TimeStandard[], startIso: string): ScheduledStep[] {
  parseMs(startIso, 'Waktu mulai');
  let cursor = startIso;
  return steps.map((standard) => {
    const start = cursor;
    let due: string | null;
    if (standard.kind === 'none') due = null;
    else if (standard.kind === 'days') due = addWorkingDays(cal, start, standard.value);
    else due = addWorkingMilliseconds(cal, start, Math.round((standardMinutes(standard) ?? 0) * MINUTE_MS));
    if (due !== null) cursor = due;
    return { start, due };
  });
}

/** The receipt's "estimasi selesai": the due instant of the last step that has a standard. */
export function estimatedCompletion(cal: WorkingCalendar, steps: TimeStandard[], startIso: string): string | null {
  const schedule = scheduleSteps(cal, steps, startIso);
  for (let i = schedule.length - 1; i >= 0; i -= 1) {
    const due = schedule[i]?.due;
    if (due) return due;
  }
  return null;
}
