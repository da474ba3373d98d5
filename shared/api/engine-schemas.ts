/** zod schemas of the SOP engine's API data: requests, dispositions, queues, SOPs, the calendar. */
import { z } from 'zod';
import { IsoDateSchema } from './schemas';

export const TIMING_STATUSES = ['on_track', 'at_risk', 'late', 'paused', 'done', 'done_late', 'no_standard'] as const;
export const TIMING_STATUS_LABELS: Record<(typeof TIMING_STATUSES)[number], string> = {
  on_track: 'Tepat waktu',
  at_risk: 'Hampir terlambat',
  late: 'Terlambat',
  paused: 'Dijeda (menunggu OPD)',
  done: 'Selesai tepat waktu',
  done_late: 'Selesai terlambat',
  no_standard: 'Tanpa baku waktu',
};

export const StepTimingSchema = z.object({
  elapsedMinutes: z.number(),
  dueAt: z.string().nullable(),
  warnAt: z.string().nullable(),
  status: z.enum(TIMING_STATUSES),
  standardMinutes: z.number().optional(),
  remainingMinutes: z.number().optional(),
});

export const REQUEST_STATES = ['berjalan', 'dijeda', 'selesai', 'dikembalikan'] as const;
export const REQUEST_STATE_LABELS: Record<(typeof REQUEST_STATES)[number], string> = {
  berjalan: 'Berjalan',
  dijeda: 'Dijeda (menunggu OPD)',
  selesai: 'Selesai',
  dikembalikan: 'Dikembalikan ke OPD',
};

const StepKind = z.enum(['task', 'disposition', 'decision', 'end']);

export const DispositionViewSchema = z.object({
  id: z.number().int(),
  stepId: z.string(),
  fromName: z.string(),
  toLabel: z.string(),
  instructions: z.array(z.string()),
  note: z.string(),
  createdAt: z.string(),
  withdrawnAt: z.string().nullable(),
  recipients: z.array(z.object({ userId: z.number().int(), name: z.string(), readAt: z.string().nullable() })),
});

export const RequestViewSchema = z.object({
  id: z.number().int(),
  /** The letter the request runs for; null for a complaint's request (then complaintId is set). */
  letterId: z.number().int().nullable(),
  complaintId: z.number().int().nullable(),
  revision: z.number().int(),
  template: z.object({ id: z.number().int(), key: z.string(), name: z.string(), source: z.string(), version: z.number().int() }),
  state: z.enum(REQUEST_STATES),
  currentStep: z
    .object({ id: z.string(), number: z.string(), title: z.string(), actorLabel: z.string(), kind: StepKind, pauseReason: z.string().nullable() })
    .nullable(),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  serviceStandard: z.string(),
  serviceTiming: StepTimingSchema,
  visits: z.array(
    z.object({
      stepId: z.string(),
      number: z.string(),
      title: z.string(),
      actorLabel: z.string(),
      kind: StepKind,
      standard: z.string(),
      output: z.string(),
      startedAt: z.string(),
      completedAt: z.string().nullable(),
      completedBy: z.string().nullable(),
      branchLabel: z.string().nullable(),
      note: z.string(),
      abandoned: z.boolean(),
      timing: StepTimingSchema,
    }),
  ),
  upcoming: z.array(z.object({ stepId: z.string(), number: z.string(), title: z.string(), actorLabel: z.string(), standard: z.string() })),
  dispositions: z.array(DispositionViewSchema),
  actions: z.object({
    complete: z.boolean(),
    decide: z.array(z.object({ key: z.string(), label: z.string(), returnsToOpd: z.boolean() })),
    dispose: z.object({ toLabel: z.string(), candidates: z.array(z.object({ id: z.number().int(), fullName: z.string() })) }).nullable(),
    pause: z.boolean(),
    resume: z.boolean(),
    withdrawDispositionIds: z.array(z.number().int()),
    blockedReason: z.string().nullable(),
  }),
});
export type RequestViewDto = z.infer<typeof RequestViewSchema>;

export const StepActionSchema = z.object({
  requestId: z.number().int().positive(),
  stepId: z.string().min(1).max(60),
  revision: z.number().int().positive(),
  action: z.enum(['complete', 'decide', 'dispose', 'pause', 'resume']),
  branch: z.string().max(60).nullable().default(null),
  note: z.string().trim().max(2000, { error: 'Catatan paling panjang 2000 karakter.' }).default(''),
  recipients: z.array(z.number().int().positive()).max(50).default([]),
  instructions: z.array(z.string().max(120)).max(30).default([]),
});

export const QueueItemSchema = z.object({
  requestId: z.number().int(),
  /** Null for a complaint: then complaintId is set and agendaNumber/senderName are its number and complainant. */
  letterId: z.number().int().nullable(),
  complaintId: z.number().int().nullable(),
  agendaNumber: z.string(),
  senderName: z.string(),
  subject: z.string(),
  nature: z.string(),
  templateName: z.string(),
  state: z.enum(REQUEST_STATES),
  step: z.object({ id: z.string(), number: z.string(), title: z.string(), standard: z.string() }),
  timing: StepTimingSchema,
  unreadDisposition: z.boolean(),
});
export type QueueItemDto = z.infer<typeof QueueItemSchema>;

export const DashboardSchema = z.object({
  newLetters: z.number().int(),
  unreadDispositions: z.number().int(),
  notActedOn: z.number().int(),
  dueToday: z.number().int(),
  late: z.number().int(),
  atRisk: z.number().int(),
  inQueue: z.number().int(),
  officeHoursNow: z.boolean(),
});
export type DashboardDto = z.infer<typeof DashboardSchema>;

export const AuditViewSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** The paired desk that made the change (issue 8); null: on the host itself. */
  deskId: z.string().nullable().optional(),
  deskName: z.string().nullable().optional(),
});

export const SOP_SERVICE_KEYS = ['hosting', 'subdomain', 'website', 'lainnya', 'pengaduan'] as const;
export const SOP_SERVICE_LABELS: Record<(typeof SOP_SERVICE_KEYS)[number], string> = {
  hosting: 'Hosting',
  subdomain: 'Subdomain',
  website: 'Pembuatan situs web',
  lainnya: 'Lainnya',
  pengaduan: 'Pengaduan',
};

export const TemplateRowSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  version: z.number().int(),
  name: z.string(),
  subject: z.enum(['request', 'complaint']),
  builtin: z.boolean(),
  createdAt: z.string(),
});

const ClockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Jam harus berbentuk JJ:MM, misalnya 07:30.' });
export const TimeRangeSchema = z.object({ start: ClockSchema, end: ClockSchema });
export const WeekSchema = z.array(z.array(TimeRangeSchema).max(6)).length(7);
export const CalendarDaySchema = z.object({
  date: IsoDateSchema('Tanggal'),
  name: z.string().trim().min(1, { error: 'Nama hari libur wajib diisi.' }).max(120),
  kind: z.enum(['libur_nasional', 'cuti_bersama', 'penutupan'], { error: 'Pilih jenis hari libur.' }),
});
export const ClosureSchema = z.object({
  start: z.string().datetime({ error: 'Awal penutupan tidak sah.' }),
  end: z.string().datetime({ error: 'Akhir penutupan tidak sah.' }),
  reason: z.string().trim().min(1, { error: 'Tulis alasan penutupan.' }).max(200),
});
