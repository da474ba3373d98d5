/**
 * Evaluasi kinerja: every quarter, each SOP step's actual working time against its mutu baku, per
 * officer and per OPD, with the trend over the last four quarters (SOP B: "kinerja dievaluasi tiap
 * tiga bulan oleh pimpinan").
 *
 * What is measured (the report prints the same in Indonesian, `EVALUATION_METHOD`):
 * - a step visit counts in the quarter its completion falls in (office time zone); visits left
 *   because a disposition was withdrawn are not measured, nor the opening step an outside party
 *   does (the OPD's letter, the complainant's complaint), which is completed at receipt;
 * - its time is the working time inside its running intervals (`foldVisits`): the office calendar
 *   counts only office hours, and the gaps between intervals are pauses, so a request that waited
 *   for the OPD is measured without the paused time;
 * - on time is the engine's own judgement (`computeTiming` with done): completed at or before the
 *   step's deadline (minutes/hours: the standard reached; range: its upper bound; days: H+N pushed
 *   by the pauses). Steps without a standard are counted and timed but not judged;
 * - median and 90th percentile as in shared/domain/stats.ts (P90 by nearest rank);
 * - per officer: the user who completed the step; per OPD: the requests (letters) closed in the
 *   quarter, their whole working time against the SOP's service standard.
 */
import { ROLE_LABELS, type Role } from '../../../shared/api/roles';
import type { Evaluation } from '../../../shared/api/report-schemas';
import type { WorkingCalendar } from '../../../shared/domain/calendar';
import type { SopStep, SopTemplate } from '../../../shared/domain/sop/model';
import { median, percentile, share } from '../../../shared/domain/stats';
import { computeTiming, describeStandard, type ActiveInterval } from '../../../shared/domain/timing';
import type { Db } from '../db/register';
import { getCalendar } from './calendar';
import { localMidnightUtc } from '../reports/format';
import { foldVisits, type StepVisit } from './requests';
import { getTemplate, latestTemplateId } from './sop';

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

export function quarterLabel(year: number, quarter: number): string {
  return `Triwulan ${ROMAN[quarter - 1] ?? quarter} Tahun ${year}`;
}

/** The quarter's first day and the next quarter's first day ("YYYY-MM-DD"). */
export function quarterDates(year: number, quarter: number): { from: string; toExclusive: string; to: string } {
  const startMonth = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const nextYear = quarter === 4 ? year + 1 : year;
  const nextMonth = quarter === 4 ? 1 : startMonth + 3;
  const toExclusive = `${nextYear}-${String(nextMonth).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(nextYear, nextMonth - 1, 1) - 86_400_000).toISOString().slice(0, 10);
  return { from, toExclusive, to: last };
}

/** The quarter `back` quarters before (year, quarter). */
function shiftQuarter(year: number, quarter: number, back: number): { year: number; quarter: number } {
  const index = year * 4 + (quarter - 1) - back;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

export const EVALUATION_METHOD: readonly string[] = [
  'Waktu dihitung dalam menit kerja menurut kalender kantor: hanya jam kerja, tanpa hari libur dan penutupan, dan tanpa waktu jeda selama permohonan menunggu OPD.',
  'Langkah dihitung pada triwulan saat langkah itu selesai. Langkah pembuka yang dilakukan pihak luar (surat OPD, pengaduan pemohon) dan langkah yang ditinggalkan karena disposisi ditarik tidak diukur.',
  'Median: nilai tengah dari waktu yang diurutkan; untuk jumlah data genap, rata-rata dua nilai tengah.',
  'Persentil ke-90 (P90), metode peringkat terdekat: dari n waktu yang diurutkan, nilai pada urutan ke-(0,9 × n, dibulatkan ke atas); selalu salah satu nilai yang terukur.',
  'Tepat waktu: langkah selesai paling lambat pada tenggat menurut mutu baku waktunya (rentang: batas atas; hari kerja: H+n). Langkah tanpa mutu baku waktu dihitung jumlah dan waktunya, tetapi tidak masuk persentase tepat waktu.',
  'Per petugas: pengguna yang menyelesaikan langkah. Rasio waktu = waktu kerja ÷ mutu baku (1,00 = tepat sama dengan mutu baku).',
  'Per OPD: permohonan yang selesai atau dikembalikan pada triwulan ini, seluruh waktu kerjanya terhadap standar waktu pelayanan SOP.',
];

export function pausedNote(n: number): string {
  return n === 0
    ? 'Tidak ada permohonan yang dijeda menunggu OPD pada triwulan ini.'
    : `${n} permohonan dijeda menunggu OPD; waktu jeda tidak dihitung.`;
}

interface EventRow {
  request_id: number;
  at: string;
  user_id: number | null;
  type: 'step_started' | 'step_completed' | 'paused' | 'resumed' | 'reopened';
  step_id: string;
  branch: string | null;
  note: string;
}

interface RequestInfo {
  id: number;
  template_id: number;
  state: string;
  closed_at: string | null;
  letter_id: number | null;
  opd_id: number | null;
  opd_name: string | null;
  sender_name: string | null;
}

/** One measured step visit. */
export interface Measure {
  requestId: number;
  templateKey: string;
  templateName: string;
  step: Exclude<SopStep, { kind: 'end' }>;
  actorLabel: string;
  completedAt: string;
  completedBy: number | null;
  minutes: number;
  standardMinutes: number | null;
  withStandard: boolean;
  onTime: boolean;
  paused: boolean;
}

/** A request closed in the window, measured whole. */
export interface RequestMeasure {
  requestId: number;
  closedAt: string;
  opdKey: string;
  opdId: number | null;
  opdName: string;
  minutes: number;
  withStandard: boolean;
  onTime: boolean;
  paused: boolean;
}

/** The engine's timing of a completed visit: whole working minutes inside its intervals, and on time or late. */
function timed(calendar: WorkingCalendar, step: Exclude<SopStep, { kind: 'end' }>, visit: StepVisit & { completedAt: string }) {
  return computeTiming(calendar, step.standard, visit.intervals, visit.completedAt, { done: true });
}

/** Every step visit completed in [fromIso, toIso) and every request closed in it, measured. */
export function collectMeasures(db: Db, fromIso: string, toIso: string, calendar: WorkingCalendar = getCalendar(db)): { steps: Measure[]; requests: RequestMeasure[] } {
  const requestIds = (
    db
      .prepare(
        `SELECT DISTINCT request_id FROM request_events WHERE type = 'step_completed' AND at >= @from AND at < @to
         UNION SELECT id FROM requests WHERE closed_at >= @from AND closed_at < @to`,
      )
      .all({ from: fromIso, to: toIso }) as Array<{ request_id: number }>
  ).map((r) => r.request_id);
  if (requestIds.length === 0) return { steps: [], requests: [] };
  const ids = JSON.stringify(requestIds);
  const infos = db
    .prepare(
      `SELECT r.id, r.template_id, r.state, r.closed_at, r.letter_id, l.opd_id, o.name AS opd_name, l.sender_name
         FROM requests r LEFT JOIN letters l ON l.id = r.letter_id LEFT JOIN opd o ON o.id = l.opd_id
        WHERE r.id IN (SELECT value FROM json_each(?))`,
    )
    .all(ids) as RequestInfo[];
  const eventsByRequest = new Map<number, EventRow[]>();
  for (const e of db
    .prepare(
      `SELECT request_id, at, user_id, type, step_id, branch, note FROM request_events
        WHERE request_id IN (SELECT value FROM json_each(?)) ORDER BY request_id, id`,
    )
    .iterate(ids) as IterableIterator<EventRow>) {
    const list = eventsByRequest.get(e.request_id) ?? [];
    list.push(e);
    eventsByRequest.set(e.request_id, list);
  }

  const steps: Measure[] = [];
  const requests: RequestMeasure[] = [];
  for (const info of infos) {
    const template = getTemplate(db, info.template_id);
    const log = eventsByRequest.get(info.id) ?? [];
    // The completer's id rides in the name field, which foldVisits carries through unchanged.
    const visits = foldVisits(log.map((e) => ({ ...e, user_name: e.user_id === null ? null : String(e.user_id) })));
    const pausedAny = log.some((e) => e.type === 'paused');
    for (const visit of visits) {
      if (visit.abandoned || visit.completedAt === null) continue;
      if (visit.completedAt < fromIso || visit.completedAt >= toIso) continue;
      const step = template.steps.find((s) => s.id === visit.stepId);
      if (!step || step.kind === 'end') continue;
      const role = template.roles.find((r) => r.key === step.actor);
      if (step.id === template.start && role?.external) continue;
      const timing = timed(calendar, step, { ...visit, completedAt: visit.completedAt });
      const withStandard = step.standard.kind !== 'none';
      steps.push({
        requestId: info.id,
        templateKey: template.key,
        templateName: template.name,
        step,
        actorLabel: role?.label ?? step.actor,
        completedAt: visit.completedAt,
        completedBy: visit.completedBy === null ? null : Number(visit.completedBy),
        minutes: timing.elapsedMinutes,
        standardMinutes: timing.standardMinutes ?? null,
        withStandard,
        onTime: withStandard && timing.status === 'done',
        paused: visit.intervals.length > 1,
      });
    }
    if (info.letter_id !== null && info.closed_at !== null && info.closed_at >= fromIso && info.closed_at < toIso) {
      const intervals: ActiveInterval[] = visits.flatMap((v) => v.intervals).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
      const timing = computeTiming(calendar, template.serviceStandard, intervals, info.closed_at, { done: true });
      const withStandard = template.serviceStandard.kind !== 'none';
      const opdName = info.opd_name ?? info.sender_name ?? '(tanpa OPD)';
      requests.push({
        requestId: info.id,
        closedAt: info.closed_at,
        opdKey: info.opd_id !== null ? `id:${info.opd_id}` : `nama:${opdName.toLowerCase()}`,
        opdId: info.opd_id,
        opdName,
        minutes: timing.elapsedMinutes,
        withStandard,
        onTime: withStandard && timing.status === 'done',
        paused: pausedAny,
      });
    }
  }
  return { steps, requests };
}

function quarterWindow(db: Db, year: number, quarter: number): { fromIso: string; toIso: string; from: string; to: string } {
  const zone = (db.prepare('SELECT time_zone FROM office WHERE id = 1').get() as { time_zone: string } | undefined)?.time_zone ?? 'Asia/Jakarta';
  const d = quarterDates(year, quarter);
  // Computed from the last day: the quarter after Q4 2999 starts in a year no date check accepts.
  return { fromIso: localMidnightUtc(d.from, zone), toIso: localMidnightUtc(d.to, zone, 1), from: d.from, to: d.to };
}

function ratioOf(m: Measure): number | null {
  return m.withStandard && m.standardMinutes !== null && m.standardMinutes > 0 ? m.minutes / m.standardMinutes : null;
}

const round = (v: number | null, places = 4): number | null => (v === null ? null : Math.round(v * 10 ** places) / 10 ** places);

function stepOrder(template: SopTemplate | null, stepId: string): number {
  if (!template) return 999;
  const i = template.steps.findIndex((s) => s.id === stepId);
  return i < 0 ? 999 : i;
}

export function evaluateQuarter(db: Db, year: number, quarter: number, calendar: WorkingCalendar = getCalendar(db)): Evaluation {
  const window = quarterWindow(db, year, quarter);
  const { steps, requests } = collectMeasures(db, window.fromIso, window.toIso, calendar);

  // Per step (template key + step id), described by the latest version of the template.
  const byStep = new Map<string, Measure[]>();
  for (const m of steps) {
    const key = `${m.templateKey}\u0000${m.step.id}`;
    const list = byStep.get(key) ?? [];
    list.push(m);
    byStep.set(key, list);
  }
  const latestCache = new Map<string, SopTemplate | null>();
  const latest = (key: string): SopTemplate | null => {
    if (!latestCache.has(key)) {
      const id = latestTemplateId(db, key);
      latestCache.set(key, id === null ? null : getTemplate(db, id));
    }
    return latestCache.get(key) ?? null;
  };
  const stepRows = [...byStep.values()]
    .map((list) => {
      const first = list[0] as Measure;
      const template = latest(first.templateKey);
      const current = template?.steps.find((s) => s.id === first.step.id);
      const step = current && current.kind !== 'end' ? current : first.step;
      const minutes = list.map((m) => m.minutes);
      const judged = list.filter((m) => m.withStandard);
      const onTime = judged.filter((m) => m.onTime).length;
      return {
        order: [template?.name ?? first.templateName, stepOrder(template, step.id)] as const,
        row: {
          templateKey: first.templateKey,
          templateName: template?.name ?? first.templateName,
          stepId: step.id,
          stepNumber: step.number,
          stepTitle: step.title,
          actorLabel: template?.roles.find((r) => r.key === step.actor)?.label ?? first.actorLabel,
          standard: describeStandard(step.standard),
          count: list.length,
          median: median(minutes),
          p90: percentile(minutes, 90),
          withStandard: judged.length,
          onTime,
          onTimeShare: round(share(onTime, judged.length)),
          paused: list.filter((m) => m.paused).length,
        },
      };
    })
    .sort((a, b) => (a.order[0] < b.order[0] ? -1 : a.order[0] > b.order[0] ? 1 : a.order[1] - b.order[1]))
    .map((x) => x.row);

  // Per officer.
  const users = new Map(
    (db.prepare('SELECT id, full_name, role FROM users').all() as Array<{ id: number; full_name: string; role: Role }>).map((u) => [u.id, u]),
  );
  const byOfficer = new Map<number | null, Measure[]>();
  for (const m of steps) {
    const list = byOfficer.get(m.completedBy) ?? [];
    list.push(m);
    byOfficer.set(m.completedBy, list);
  }
  const officers = [...byOfficer.entries()]
    .map(([userId, list]) => {
      const user = userId === null ? undefined : users.get(userId);
      const judged = list.filter((m) => m.withStandard);
      const onTime = judged.filter((m) => m.onTime).length;
      const ratios = list.map(ratioOf).filter((r): r is number => r !== null);
      return {
        userId,
        name: user?.full_name ?? '(sistem)',
        role: user ? ROLE_LABELS[user.role] : '',
        count: list.length,
        withStandard: judged.length,
        onTime,
        onTimeShare: round(share(onTime, judged.length)),
        medianRatio: round(median(ratios)),
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  // Per OPD, whole requests.
  const byOpd = new Map<string, RequestMeasure[]>();
  for (const r of requests) {
    const list = byOpd.get(r.opdKey) ?? [];
    list.push(r);
    byOpd.set(r.opdKey, list);
  }
  const opds = [...byOpd.values()]
    .map((list) => {
      const first = list[0] as RequestMeasure;
      const minutes = list.map((r) => r.minutes);
      const judged = list.filter((r) => r.withStandard);
      const onTime = judged.filter((r) => r.onTime).length;
      return {
        opdId: first.opdId,
        name: first.opdName,
        requests: list.length,
        median: median(minutes),
        p90: percentile(minutes, 90),
        withStandard: judged.length,
        onTime,
        onTimeShare: round(share(onTime, judged.length)),
        paused: list.filter((r) => r.paused).length,
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const pausedRequests = new Set([...steps.filter((m) => m.paused).map((m) => m.requestId), ...requests.filter((r) => r.paused).map((r) => r.requestId)]).size;

  // Trend over the last four quarters, oldest first.
  const trend = [3, 2, 1, 0].map((back) => {
    const q = shiftQuarter(year, quarter, back);
    const w = back === 0 ? window : quarterWindow(db, q.year, q.quarter);
    const data = back === 0 ? { steps, requests } : collectMeasures(db, w.fromIso, w.toIso, calendar);
    const judged = data.steps.filter((m) => m.withStandard);
    const onTime = judged.filter((m) => m.onTime).length;
    return {
      year: q.year,
      quarter: q.quarter,
      label: `TW ${ROMAN[q.quarter - 1] ?? q.quarter} ${q.year}`,
      steps: data.steps.length,
      withStandard: judged.length,
      onTime,
      onTimeShare: round(share(onTime, judged.length)),
      medianRatio: round(median(data.steps.map(ratioOf).filter((r): r is number => r !== null))),
      requests: data.requests.length,
    };
  });

  return {
    year,
    quarter,
    label: quarterLabel(year, quarter),
    from: window.from,
    to: window.to,
    method: [...EVALUATION_METHOD],
    pausedRequests,
    pausedNote: pausedNote(pausedRequests),
    steps: stepRows,
    officers,
    opds,
    trend,
  };
}

/**
 * Whole-request working time (pauses excluded) of closed requests, and whether they met the SOP's
 * service standard (null without one): for the requests and complaints reports.
 */
export function closedRequestTimes(
  db: Db,
  requestIds: readonly number[],
  calendar: WorkingCalendar = getCalendar(db),
): Map<number, { minutes: number; onTime: boolean | null; paused: boolean }> {
  const out = new Map<number, { minutes: number; onTime: boolean | null; paused: boolean }>();
  if (requestIds.length === 0) return out;
  const ids = JSON.stringify(requestIds);
  const rows = db
    .prepare(`SELECT id, template_id, closed_at FROM requests WHERE closed_at IS NOT NULL AND id IN (SELECT value FROM json_each(?))`)
    .all(ids) as Array<{ id: number; template_id: number; closed_at: string }>;
  const events = new Map<number, EventRow[]>();
  for (const e of db
    .prepare(`SELECT request_id, at, user_id, type, step_id, branch, note FROM request_events WHERE request_id IN (SELECT value FROM json_each(?)) ORDER BY request_id, id`)
    .iterate(ids) as IterableIterator<EventRow>) {
    const list = events.get(e.request_id) ?? [];
    list.push(e);
    events.set(e.request_id, list);
  }
  for (const r of rows) {
    const template = getTemplate(db, r.template_id);
    const log = events.get(r.id) ?? [];
    const visits = foldVisits(log.map((e) => ({ ...e, user_name: null })));
    const intervals = visits.flatMap((v) => v.intervals).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    const timing = computeTiming(calendar, template.serviceStandard, intervals, r.closed_at, { done: true });
    out.set(r.id, {
      minutes: timing.elapsedMinutes,
      onTime: template.serviceStandard.kind === 'none' ? null : timing.status === 'done',
      paused: log.some((e) => e.type === 'paused'),
    });
  }
  return out;
}
